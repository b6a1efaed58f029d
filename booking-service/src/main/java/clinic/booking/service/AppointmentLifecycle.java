package clinic.booking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.IllegalTransitionException;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.booking.screening.ReviewRequest;
import clinic.booking.screening.ScreeningClient;
import clinic.web.ProblemException;

/** The status changes after booking: cancel, check in, complete, no-show, and a clinician's review. */
@ApplicationScoped
public class AppointmentLifecycle {

    /** Front-desk-safe reasons for a cancellation; free text stays out of events and emails. */
    public enum CancelReason { PATIENT_REQUEST, CLINIC_REQUEST, PRACTITIONER_UNAVAILABLE, RESCREENING_BLOCKED, OTHER }

    @Inject
    Clock clock;

    @Inject
    AppointmentStore store;

    @Inject
    PatientSchedule schedules;

    @Inject
    AppointmentEvents events;

    @Inject
    ScreeningClient screening;

    @Transactional
    public Appointment cancel(UUID id, CancelReason reason) {
        Appointment appointment = transition(id, AppointmentStatus.CANCELLED);
        appointment.cancelReason = reason.name();
        events.record(AppointmentEventType.AppointmentCancelled, appointment, null, reason.name());
        return appointment;
    }

    @Transactional
    public Appointment checkIn(UUID id) {
        Appointment appointment = transition(id, AppointmentStatus.CHECKED_IN);
        events.record(AppointmentEventType.AppointmentCheckedIn, appointment, null, null);
        return appointment;
    }

    @Transactional
    public Appointment complete(UUID id) {
        Appointment appointment = transition(id, AppointmentStatus.COMPLETED);
        appointment.completedAt = clock.instant();
        events.record(AppointmentEventType.AppointmentCompleted, appointment, null, null);
        return appointment;
    }

    @Transactional
    public Appointment noShow(UUID id) {
        Appointment appointment = transition(id, AppointmentStatus.NO_SHOW);
        events.record(AppointmentEventType.AppointmentNoShow, appointment, null, null);
        return appointment;
    }

    /**
     * A clinician's verdict on an appointment waiting for review: recorded by screening first (the
     * audit trail lives there), then the appointment is confirmed or rejected.
     */
    public Appointment review(UUID id, ReviewRequest review) {
        Appointment waiting = store.get(id);
        if (waiting.status != AppointmentStatus.PENDING_REVIEW) {
            throw illegal(new IllegalTransitionException(id, waiting.status,
                    review.decision() == ReviewRequest.Verdict.APPROVE ? AppointmentStatus.CONFIRMED : AppointmentStatus.REJECTED));
        }
        screening.review(waiting.screeningDecisionId, review);
        return applyReview(id, waiting.screeningDecisionId, review.decision());
    }

    /** Applies the verdict, only if the appointment still waits on the decision that was reviewed. */
    @Transactional
    Appointment applyReview(UUID id, UUID reviewedDecision, ReviewRequest.Verdict verdict) {
        if (!reviewedDecision.equals(store.get(id).screeningDecisionId)) {
            throw ProblemException.conflict("appointment-changed", "Changed during the review",
                    "The appointment was moved or screened again while it was being reviewed; review its current decision.");
        }
        AppointmentStatus next = verdict == ReviewRequest.Verdict.APPROVE ? AppointmentStatus.CONFIRMED : AppointmentStatus.REJECTED;
        Appointment appointment = transition(id, next);
        events.record(AppointmentEventType.reaching(next), appointment, null, null);
        return appointment;
    }

    private Appointment transition(UUID id, AppointmentStatus next) {
        Appointment appointment = store.get(id);
        try {
            appointment.moveTo(next, clock.instant());
        } catch (IllegalTransitionException e) {
            throw illegal(e);
        }
        schedules.touch(appointment.patientId);
        return appointment;
    }

    static ProblemException illegal(IllegalTransitionException e) {
        return ProblemException.conflict("illegal-transition", "Not possible in this status", e.getMessage());
    }
}
