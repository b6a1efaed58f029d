package clinic.booking.outbox;

import java.time.Instant;
import java.util.UUID;

import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;

/**
 * Version 1 of the appointment event, as documented in
 * {@code src/main/resources/events/appointment-event-v1.schema.json}. Ids, schedule and contact
 * details only: never intake answers or screening detail.
 */
public record AppointmentEvent(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID appointmentId,
        int sequence,
        UUID patientId,
        String patientFirstName,
        String patientEmail,
        int patientContactVersion,
        ProcedureCode procedure,
        Instant start,
        Instant end,
        Instant previousStart,
        UUID practitionerId,
        String practitionerName,
        UUID roomId,
        String roomName,
        AppointmentStatus status,
        String reasonCode) {

    public static final int VERSION = 1;
}
