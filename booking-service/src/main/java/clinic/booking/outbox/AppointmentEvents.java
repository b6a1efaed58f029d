package clinic.booking.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.Patient;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.Room;
import clinic.outbox.Outbox;
import clinic.outbox.OutboxMessage;

/**
 * Records appointment events in the outbox. Must run inside the transaction that makes the change
 * (MANDATORY), so the change and its event commit or roll back together.
 */
@ApplicationScoped
public class AppointmentEvents {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ClinicConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AppointmentEventType type, Appointment appointment, Instant previousStart, String reasonCode) {
        Patient patient = Patient.findById(appointment.patientId);
        Practitioner practitioner = Practitioner.findById(appointment.practitionerId);
        Room room = Room.findById(appointment.roomId);
        Instant now = clock.instant();
        appointment.eventSequence++;
        AppointmentEvent event = new AppointmentEvent(UUID.randomUUID(), type.name(), AppointmentEvent.VERSION,
                type == AppointmentEventType.AppointmentCompleted && appointment.completedAt != null ? appointment.completedAt : now,
                appointment.id, appointment.eventSequence, patient.id, patient.firstName, patient.email,
                appointment.procedureCode, appointment.startAt, appointment.endAt, previousStart,
                practitioner.id, practitioner.name, room.id, room.name, appointment.status, reasonCode);
        outbox.append(new OutboxMessage(event.eventId(), config.appointmentEvents().topic(), appointment.id, type.name(), serialize(event), now));
    }

    private String serialize(AppointmentEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("appointment event could not be serialized", e);
        }
    }
}
