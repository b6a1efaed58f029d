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

    /** The result of a re-screen, for the front desk: what happened to each upcoming appointment. */
    public record Rescreened(UUID appointmentId, AppointmentStatus status, Outcome outcome) {
    }

    public record Recorded(JsonNode receipt, List<Rescreened> rescreened) {
    }

    public Recorded record(UUID patientId, JsonNode intake) {
        patients.get(patientId);
        JsonNode receipt = screening.putIntake(patientId, intake);
        List<Rescreened> results = new ArrayList<>();
        for (Appointment upcoming : upcoming(patientId)) {
            PatientSchedule.Snapshot snapshot = schedules.snapshot(patientId, "patientId", upcoming.id);
            ScreeningDecision decision = screening.screen(new ScreeningRequest(patientId, upcoming.id, upcoming.procedureCode,
                    upcoming.startAt.atZone(config.timeZone()).toOffsetDateTime(), snapshot.others()));
            results.add(apply(upcoming.id, decision));
        }
        return new Recorded(receipt, results);
    }

    List<Appointment> upcoming(UUID patientId) {
        return Appointment.list("patientId = ?1 and startAt > ?2 and status in ?3 order by startAt", patientId,
                clock.instant(), AppointmentStatus.RESCHEDULABLE);
    }

    /** Confirms, sends to review, or cancels (blocked) the appointment according to the new decision. */
    @Transactional
    Rescreened apply(UUID appointmentId, ScreeningDecision decision) {
        Appointment appointment = store.get(appointmentId);
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
