package clinic.content.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our reading of booking's appointment event (topic clinic.appointments.v1, schema
 * appointment-event-v1.schema.json owned by booking). Our own record, not booking's class: fields
 * we do not know are ignored, and {@code type}, {@code procedure} and {@code status} stay text so
 * a value added later is "not understood", not a parse failure.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentEvent(
        UUID eventId,
        String type,
        Integer version,
        Instant occurredAt,
        UUID appointmentId,
        Long sequence,
        UUID patientId,
        String patientFirstName,
        String patientEmail,
        String procedure,
        Instant start,
        Instant end,
        Instant previousStart,
        UUID practitionerId,
        String practitionerName,
        UUID roomId,
        String roomName,
        String status,
        String reasonCode) {

    /** The version of the contract this service was written against. */
    public static final int KNOWN_VERSION = 1;
}
