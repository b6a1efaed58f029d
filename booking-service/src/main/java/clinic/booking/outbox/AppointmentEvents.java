package clinic.booking.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.outbox.Outbox;
import clinic.outbox.OutboxMessage;
import clinic.web.sql.PlainSql;

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
    DataSource dataSource;

    @Inject
    ClinicConfig config;

    /**
     * Records the event and advances the appointment's event sequence; call it before the
     * appointment is flushed, so that its row is written once with the new sequence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AppointmentEventType type, Appointment appointment, Instant previousStart, String reasonCode) {
        appointment.eventSequence++;
        Names names = names(appointment);
        Instant now = clock.instant();
        AppointmentEvent event = new AppointmentEvent(UUID.randomUUID(), type.name(), AppointmentEvent.VERSION,
                type == AppointmentEventType.AppointmentCompleted && appointment.completedAt != null ? appointment.completedAt : now,
                appointment.id, appointment.eventSequence, appointment.patientId, names.patientFirstName(), names.patientEmail(),
                names.contactVersion(),
                appointment.procedureCode, appointment.startAt, appointment.endAt, previousStart,
                appointment.practitionerId, names.practitioner(), appointment.roomId, names.room(), appointment.status, reasonCode);
        outbox.append(new OutboxMessage(event.eventId(), config.appointmentEvents().topic(), appointment.id, type.name(), serialize(event), now));
    }

    /** The names an event carries, read in one query on the transaction's own connection. */
    private record Names(String patientFirstName, String patientEmail, int contactVersion, String practitioner, String room) {
    }

    private Names names(Appointment appointment) {
        return PlainSql.first(dataSource, """
                SELECT p.first_name, p.email, p.contact_version, pr.name, r.name
                  FROM patient p, practitioner pr, room r WHERE p.id = ? AND pr.id = ? AND r.id = ?""",
                row -> new Names(row.getString(1), row.getString(2), row.getInt(3), row.getString(4), row.getString(5)),
                appointment.patientId, appointment.practitionerId, appointment.roomId)
                .orElseThrow(() -> new IllegalStateException(
                        "appointment " + appointment.id + " names a missing patient, practitioner or room"));
    }

    private String serialize(AppointmentEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("appointment event could not be serialized", e);
        }
    }
}
