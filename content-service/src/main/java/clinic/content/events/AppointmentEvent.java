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
        Integer patientContactVersion,
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

    /** The version of the contact data carried; 0 for an event from before versions existed (older than any correction). */
    public int contactVersion() {
        return patientContactVersion == null ? 0 : patientContactVersion;
    }

    /** The same event about the patient record its messages go to now, with that record's contact data. */
    public AppointmentEvent addressedTo(UUID patient, String firstName, String email, int version) {
        return new AppointmentEvent(eventId, type, this.version, occurredAt, appointmentId, sequence, patient, firstName, email,
                version, procedure, start, end, previousStart, practitionerId, practitionerName, roomId, roomName, status,
                reasonCode);
    }
}
