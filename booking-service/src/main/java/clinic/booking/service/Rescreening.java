package clinic.booking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.screening.ScreeningDecision.Outcome;
import clinic.booking.screening.ScreeningRequest;
import clinic.web.ConcurrentChange;

/**
 * Screens one appointment again, on booking's own behalf, and rests it on the new decision: cleared
 * stays or becomes CONFIRMED (or stays CHECKED_IN), needing review becomes PENDING_REVIEW, blocked or
 * needing an intake becomes ON_HOLD with a reason the front desk can act on. Each change of status is an event, so
 * the patient is told. A decision is applied only to the appointment version that was screened:
 * one moved or reviewed meanwhile is screened again as it is now.
 */
@ApplicationScoped
public class Rescreening {

    /** Hold reasons: front-desk-safe codes, also carried by the event to content-service. */
    public static final String SCREENING_BLOCKED = "SCREENING_BLOCKED";
    public static final String INTAKE_NEEDED = "INTAKE_NEEDED";
    /** The event reason for a status that a re-screen (not a person) changed. */
    public static final String RESCREENED = "RESCREENED";

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    PatientSchedule schedules;

    @Inject
    ScreeningClient screening;

    @Inject
    ScreeningInputs inputs;

    @Inject
    AppointmentStore store;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AppointmentEvents events;

    @Inject
    EntityManager em;

    /**
     * What a re-screen did: the new outcome, or none when the appointment had already left the
     * screened states or (rescreenDue) when screening could not answer and it will be tried again.
     */
    public record Rescreened(UUID appointmentId, AppointmentStatus status, Outcome outcome, boolean rescreenDue) {

        /** Where an appointment stands, not owed a new decision: the outcome it rests on while it is screened. */
        static Rescreened asItStands(UUID appointmentId, AppointmentStatus status, String outcome) {
            return new Rescreened(appointmentId, status,
                    outcome == null || !AppointmentStatus.SCREENED.contains(status) ? null : Outcome.valueOf(outcome), false);
        }

        static Rescreened asItStands(Appointment appointment) {
            return asItStands(appointment.id, appointment.status, appointment.screeningOutcome);
        }
    }

    /**
     * Screens the appointment as it is now; fails (503) when screening cannot answer, changing nothing.
     * When it changed while screened (moved, reviewed, or decided by another look at the same new
     * answers: the worker and a desk's intake may both look), it is screened again only if it is
     * still owed a decision; otherwise the answer is where it stands.
     */
    public Rescreened rescreen(UUID appointmentId) {
        for (int attempt = 0; attempt < PatientSchedule.SCREENING_ATTEMPTS; attempt++) {
            Appointment appointment = store.current(appointmentId);
            if (!AppointmentStatus.SCREENED.contains(appointment.status) || attempt > 0 && !store.owedRescreen(appointmentId)) {
                return Rescreened.asItStands(appointment);
            }
            PatientSchedule.Snapshot snapshot = schedules.snapshot(appointment.patientId, "patientId", appointment.id);
            ScreeningDecision decision = screening.screenAsService(new ScreeningRequest(appointment.patientId, appointment.id,
                    appointment.procedureCode, appointment.startAt.atZone(config.timeZone()).toOffsetDateTime(), snapshot.others()));
            Rescreened applied = applyUnlessChanged(appointment.id, appointment.version, decision, snapshot.freedVersion());
            if (applied != null) {
                return applied;
            }
        }
        throw PatientSchedule.busy();
    }

    /** {@link #apply}, or null when a change committed between its read and its write (the version check at the flush). */
    private Rescreened applyUnlessChanged(UUID appointmentId, long screenedVersion, ScreeningDecision decision, long freedVersion) {
        try {
            return apply(appointmentId, screenedVersion, decision, freedVersion);
        } catch (RuntimeException e) {
            if (ConcurrentChange.causedBy(e)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Applies the decision; null, changing nothing, when the appointment is no longer the version
     * screened. It rests on the freed version of the snapshot screening saw: a change committed since
     * leaves it owed once more.
     */
    @Transactional
    Rescreened apply(UUID appointmentId, long screenedVersion, ScreeningDecision decision, long freedVersion) {
        Appointment appointment = appointments.get(appointmentId);
        if (appointment.version != screenedVersion) {
            return null;
        }
        AppointmentStatus before = appointment.status;
        AppointmentStatus next = switch (decision.outcome()) {
            case CLEARED -> appointment.afterClearing();
            case NEEDS_REVIEW -> AppointmentStatus.PENDING_REVIEW;
            case BLOCKED, NEEDS_INTAKE -> AppointmentStatus.ON_HOLD;
        };
        appointment.moveTo(next, clock.instant());
        appointment.recordDecision(decision.basis(), freedVersion);
        appointment.holdReason = next != AppointmentStatus.ON_HOLD ? null
                : decision.outcome() == Outcome.NEEDS_INTAKE ? INTAKE_NEEDED : SCREENING_BLOCKED;
        inputs.intakeRecorded(appointment.patientId, decision.intakeVersion());
        inputs.policyPublished(decision.policyVersion());
        if (next != before) {
            events.record(AppointmentEventType.reaching(next), appointment, null,
                    next == AppointmentStatus.ON_HOLD ? appointment.holdReason : RESCREENED);
        }
        em.createNativeQuery("UPDATE appointment SET rescreen_attempts = 0, rescreen_not_before = NULL WHERE id = ?1")
                .setParameter(1, appointmentId).executeUpdate();
        return new Rescreened(appointment.id, appointment.status, decision.outcome(), false);
    }
}
