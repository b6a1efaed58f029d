package clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentActions;
import clinic.booking.domain.AppointmentActions.Action;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.DeskWording;
import clinic.booking.domain.IllegalTransitionException;
import clinic.booking.domain.ReviewVerdict;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.booking.screening.DecisionInputs;
import clinic.booking.screening.ReviewRequest;
import clinic.booking.screening.ScreeningClient;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * The status changes after booking: cancel, check in, complete, no-show, and a clinician's review.
 * Each is checked against {@link AppointmentActions} (status, the appointment's day and start, a
 * re-screen still owed) in the transaction that makes it.
 */
@ApplicationScoped
public class AppointmentLifecycle {

    /** Front-desk-safe reasons for a cancellation; free text stays out of events and emails. */
    public enum CancelReason { PATIENT_REQUEST, CLINIC_REQUEST, PRACTITIONER_UNAVAILABLE, RESCREENING_BLOCKED, OTHER }

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    AppointmentStore store;

    @Inject
    AppointmentRepository appointments;

    @Inject
    PatientSchedule schedules;

    @Inject
    AppointmentEvents events;

    @Inject
    ScreeningClient screening;

    @Inject
    ScreeningInputs inputs;

    @Inject
    RescreenWorker worker;

    @Transactional
    public Appointment cancel(UUID id, CancelReason reason) {
        Appointment appointment = transition(id, Action.CANCEL, AppointmentStatus.CANCELLED);
        appointment.cancelReason = reason.name();
        events.record(AppointmentEventType.AppointmentCancelled, appointment, null, reason.name());
        return appointment;
    }

    /**
     * The patient has arrived. Screening is asked first which intake and policy versions a decision
     * would rest on now, so a change it has not announced yet (its event still on the way) already
     * stops the check-in; without that answer nothing is checked in (503).
     */
    public Appointment checkIn(UUID id) {
        learnCurrentInputs(id);
        return checkInNow(id);
    }

    @Transactional
    Appointment checkInNow(UUID id) {
        Appointment appointment = transition(id, Action.CHECK_IN, AppointmentStatus.CHECKED_IN);
        // to the database's precision, so the answer and every later read say the same time
        appointment.checkedInAt = appointment.updatedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        events.record(AppointmentEventType.AppointmentCheckedIn, appointment, null, null);
        return appointment;
    }

    /**
     * The procedure is done. {@code completedAt} is when it really ended (now when not given): not in
     * the future and not before the start. The aftercare timeline is anchored to it. As at check-in,
     * the decision must still be current.
     */
    public Appointment complete(UUID id, Instant completedAt) {
        learnCurrentInputs(id);
        return completeNow(id, completedAt);
    }

    @Transactional
    Appointment completeNow(UUID id, Instant completedAt) {
        Instant now = clock.instant();
        Appointment appointment = transition(id, Action.COMPLETE, AppointmentStatus.COMPLETED);
        Instant when = completedAt == null ? now : completedAt;
        if (when.isAfter(now)) {
            throw ProblemException.badRequest("completedAt", "must not be in the future");
        }
        if (when.isBefore(appointment.startAt)) {
            throw ProblemException.badRequest("completedAt", "must not be before the appointment's start ("
                    + DeskWording.dayAndTime(appointment.startAt, config.timeZone()) + ")");
        }
        appointment.completedAt = when;
        events.record(AppointmentEventType.AppointmentCompleted, appointment, null, null);
        return appointment;
    }

    @Transactional
    public Appointment noShow(UUID id) {
        Appointment appointment = transition(id, Action.NO_SHOW, AppointmentStatus.NO_SHOW);
        events.record(AppointmentEventType.AppointmentNoShow, appointment, null, null);
        return appointment;
    }

    /**
     * A clinician's verdict on the decision they read. Recorded by screening first (the audit trail
     * lives there), then the appointment is confirmed or rejected, only if it still rests on that
     * decision. Repeating the same verdict on the same decision returns the appointment as the first
     * verdict left it, so a verdict whose answer was lost can be sent again.
     */
    public Appointment review(UUID id, ReviewRequest review) {
        Appointment appointment = store.current(id);
        Appointment repeated = alreadyReviewed(appointment, review);
        if (repeated != null) {
            return repeated;
        }
        if (review.decision() == ReviewVerdict.APPROVE && appointments.rescreenDue(id)) {
            throw refused(new AppointmentActions.Refusal("rescreen-pending", "The patient's intake or the safety policy "
                    + "changed after this decision; it is being screened again. Review the new decision."));
        }
        screening.review(review.decisionId(), review);
        return applyReview(id, review);
    }

    @Transactional
    Appointment applyReview(UUID id, ReviewRequest review) {
        Appointment appointment = appointments.get(id);
        Appointment repeated = alreadyReviewed(appointment, review);
        if (repeated != null) {
            return repeated;
        }
        AppointmentStatus next = review.decision() == ReviewVerdict.DENY ? AppointmentStatus.REJECTED
                : appointment.afterClearing();
        appointment = transition(id, Action.REVIEW, next);
        appointment.reviewVerdict = review.decision();
        events.record(AppointmentEventType.reaching(next), appointment, null, null);
        return appointment;
    }

    /**
     * The appointment when this verdict was already applied to this decision; null when the review
     * is still to be done. A review of another decision than the current one is a 409 that names it.
     */
    private static Appointment alreadyReviewed(Appointment appointment, ReviewRequest review) {
        if (!review.decisionId().equals(appointment.screeningDecisionId)) {
            throw new ProblemException(Problem.of(409, "decision-replaced", "Not the current decision",
                    "The appointment was moved or screened again since that decision; review its current decision.")
                    .with("currentDecisionId", appointment.screeningDecisionId)
                    .with("status", appointment.status));
        }
        if (appointment.reviewVerdict == null) {
            return null;
        }
        if (appointment.reviewVerdict == review.decision()) {
            return appointment;
        }
        throw ProblemException.conflict("review-not-allowed", "Already reviewed",
                "This decision was already reviewed (" + appointment.reviewVerdict + "); reviews are final.");
    }

    /** Raises what booking knows of the patient's intake and the policy to what screening says now. */
    private void learnCurrentInputs(UUID appointmentId) {
        Appointment appointment = store.current(appointmentId);
        if (!AppointmentStatus.SCREENED.contains(appointment.status)) {
            return;
        }
        DecisionInputs now = screening.inputs(appointment.patientId);
        boolean intakeNews = inputs.intakeRecorded(appointment.patientId, now.intakeVersion());
        if (inputs.policyPublished(now.policyVersion()) || intakeNews) {
            worker.wake();
        }
    }

    private Appointment transition(UUID id, Action action, AppointmentStatus next) {
        Appointment appointment = appointments.get(id);
        // the patient's schedule first, then the appointment's row, as every writer of a patient's
        // appointments takes them: a re-screen or a move finishing meanwhile is seen, never overwritten
        schedules.touch(appointment.patientId);
        appointments.refreshLocked(appointment);
        boolean rescreenDue = (action == Action.CHECK_IN || action == Action.COMPLETE) && appointments.rescreenDue(id);
        AppointmentActions.refusal(action, appointment, rescreenDue, clock.instant(), config.timeZone()).ifPresent(refusal -> {
            throw refused(refusal);
        });
        try {
            appointment.moveTo(next, clock.instant());
        } catch (IllegalTransitionException e) {
            throw illegal(e);
        }
        return appointment;
    }

    static ProblemException refused(AppointmentActions.Refusal refusal) {
        return ProblemException.conflict(refusal.type(), "Not possible now", refusal.detail());
    }

    static ProblemException illegal(IllegalTransitionException e) {
        return ProblemException.conflict("illegal-transition", "Not possible in this status", e.getMessage());
    }
}
