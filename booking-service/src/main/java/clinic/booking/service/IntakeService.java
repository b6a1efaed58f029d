package clinic.booking.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.screening.ScreeningDecision.Outcome;
import clinic.booking.screening.ScreeningRequest;

/**
 * Passes a patient's intake questionnaire to screening (booking keeps none of it) and then
 * re-screens the patient's upcoming appointments, since new answers can make one unsafe.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    PatientService patients;

    @Inject
    PatientSchedule schedules;

    @Inject
    ScreeningClient screening;

    @Inject
    AppointmentStore store;

    @Inject
    AppointmentEvents events;

    /**
     * The result of a re-screen, for the front desk: what happened to each upcoming appointment.
     * No outcome when it was cancelled or rejected meanwhile, so there was nothing to re-screen.
     */
    public record Rescreened(UUID appointmentId, AppointmentStatus status, Outcome outcome) {
    }

    public record Recorded(JsonNode receipt, List<Rescreened> rescreened) {
    }

    public Recorded record(UUID patientId, JsonNode intake) {
        patients.get(patientId);
        JsonNode receipt = screening.putIntake(patientId, intake);
        List<Rescreened> results = new ArrayList<>();
        for (Appointment upcoming : upcoming(patientId)) {
            results.add(rescreen(upcoming));
        }
        return new Recorded(receipt, results);
    }

    List<Appointment> upcoming(UUID patientId) {
        return Appointment.list("patientId = ?1 and startAt > ?2 and status in ?3 order by startAt", patientId,
                clock.instant(), AppointmentStatus.RESCHEDULABLE);
    }

    /**
     * Screens the appointment against the new intake and applies the decision. A decision is
     * applied only to the appointment as it was screened: one moved, reviewed or cancelled
     * meanwhile is screened again as it is now, or left alone once it can no longer change.
     */
    private Rescreened rescreen(Appointment appointment) {
        for (int attempt = 0; attempt < PatientSchedule.SCREENING_ATTEMPTS; attempt++) {
            PatientSchedule.Snapshot snapshot = schedules.snapshot(appointment.patientId, "patientId", appointment.id);
            ScreeningDecision decision = screening.screen(new ScreeningRequest(appointment.patientId, appointment.id,
                    appointment.procedureCode, appointment.startAt.atZone(config.timeZone()).toOffsetDateTime(), snapshot.others()));
            Rescreened applied = apply(appointment.id, appointment.version, decision);
            if (applied != null) {
                return applied;
            }
            appointment = current(appointment.id);
            if (!AppointmentStatus.RESCHEDULABLE.contains(appointment.status)) {
                return new Rescreened(appointment.id, appointment.status, null);
            }
        }
        throw PatientSchedule.busy();
    }

    /** The appointment as committed now (read in a transaction of its own, not from this request's cache). */
    @Transactional
    Appointment current(UUID appointmentId) {
        return store.get(appointmentId);
    }

    /**
     * Confirms, sends to review, or cancels (blocked) the appointment according to the new
     * decision; null, changing nothing, when the appointment is no longer the version screened.
     */
    @Transactional
    Rescreened apply(UUID appointmentId, long screenedVersion, ScreeningDecision decision) {
        Appointment appointment = store.get(appointmentId);
        if (appointment.version != screenedVersion) {
            return null;
        }
        appointment.recordScreening(decision.decisionId(), decision.outcome().name(), decision.ruleIds());
        AppointmentStatus next = switch (decision.outcome()) {
            case CLEARED -> AppointmentStatus.CONFIRMED;
            case NEEDS_REVIEW -> AppointmentStatus.PENDING_REVIEW;
            case BLOCKED, NEEDS_INTAKE -> AppointmentStatus.CANCELLED;
        };
        if (next != appointment.status) {
            appointment.moveTo(next, clock.instant());
            schedules.touch(appointment.patientId);
            String reason = null;
            if (next == AppointmentStatus.CANCELLED) {
                reason = AppointmentLifecycle.CancelReason.RESCREENING_BLOCKED.name();
                appointment.cancelReason = reason;
            }
            events.record(AppointmentEventType.reaching(next), appointment, null, reason);
        }
        return new Rescreened(appointment.id, appointment.status, decision.outcome());
    }
}
