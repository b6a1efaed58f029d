package clinic.content;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One appointment of a test, and the events booking would publish about it, built as JSON the
 * way booking writes them (not through our own records, which are what is under test).
 */
public final class TestAppointment {

    public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final UUID id = UUID.randomUUID();
    public final UUID patientId;
    public final String email;
    public final String firstName;
    public final String procedure;
    public Instant start;
    public Instant end;
    private long sequence;

    public TestAppointment(String procedure, LocalDateTime localStart) {
        this(procedure, localStart, UUID.randomUUID());
    }

    public TestAppointment(String procedure, LocalDateTime localStart, UUID patientId) {
        this.procedure = procedure;
        this.patientId = patientId;
        this.email = "patient-" + patientId.toString().substring(0, 8) + "-" + id.toString().substring(0, 8) + "@patients.example.com";
        this.firstName = "Zofia";
        this.start = localStart.atZone(CLINIC_ZONE).toInstant();
        this.end = start.plus(Duration.ofMinutes(60));
    }

    /** The next event of this appointment (sequence + 1), as booking would publish it. */
    public ObjectNode event(String type, String status, Instant occurredAt) {
        sequence++;
        ObjectNode e = MAPPER.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("version", 1);
        e.put("occurredAt", occurredAt.toString());
        e.put("appointmentId", id.toString());
        e.put("sequence", sequence);
        e.put("patientId", patientId.toString());
        e.put("patientFirstName", firstName);
        e.put("patientEmail", email);
        e.put("procedure", procedure);
        e.put("start", start.toString());
        e.put("end", end.toString());
        e.putNull("previousStart");
        e.put("practitionerId", UUID.randomUUID().toString());
        e.put("practitionerName", "Dr Anna Nowak");
        e.put("roomId", UUID.randomUUID().toString());
        e.put("roomName", "Room 2");
        e.put("status", status);
        e.putNull("reasonCode");
        return e;
    }

    public ObjectNode confirmed(Instant at) {
        return event("AppointmentConfirmed", "CONFIRMED", at);
    }

    public ObjectNode pendingReview(Instant at) {
        return event("AppointmentPendingReview", "PENDING_REVIEW", at);
    }

    /** A repeated screening (not a person) changed the status, e.g. confirmed to pending review. */
    public ObjectNode rescreened(String type, String status, Instant at) {
        ObjectNode e = event(type, status, at);
        e.put("reasonCode", "RESCREENED");
        return e;
    }

    public ObjectNode rejected(Instant at) {
        return event("AppointmentRejected", "REJECTED", at);
    }

    /** Moved to a new time with the status screening gave the new time. */
    public ObjectNode rescheduled(LocalDateTime newLocalStart, String status, Instant at) {
        Instant previous = start;
        start = newLocalStart.atZone(CLINIC_ZONE).toInstant();
        end = start.plus(Duration.ofMinutes(60));
        ObjectNode e = event("AppointmentRescheduled", status, at);
        e.put("previousStart", previous.toString());
        return e;
    }

    public ObjectNode rescheduled(LocalDateTime newLocalStart, Instant at) {
        return rescheduled(newLocalStart, "CONFIRMED", at);
    }

    public ObjectNode cancelled(Instant at) {
        ObjectNode e = event("AppointmentCancelled", "CANCELLED", at);
        e.put("reasonCode", "PATIENT_REQUEST");
        return e;
    }

    public ObjectNode completed(Instant completedAt) {
        return event("AppointmentCompleted", "COMPLETED", completedAt);
    }

    public ObjectNode onHold(String reasonCode, Instant at) {
        ObjectNode e = event("AppointmentOnHold", "ON_HOLD", at);
        e.put("reasonCode", reasonCode);
        return e;
    }

    public ObjectNode checkedIn(Instant at) {
        return event("AppointmentCheckedIn", "CHECKED_IN", at);
    }

    /** The clinic closed the appointment's day; its status stays as it was. */
    public ObjectNode dayClosed(String status, Instant at) {
        return event("AppointmentDayClosed", status, at);
    }

    public ObjectNode dayReopened(String status, Instant at) {
        return event("AppointmentDayReopened", status, at);
    }

    /** Time off of the practitioner came to cover the appointment; its status stays as it was. */
    public ObjectNode practitionerAway(String status, Instant at) {
        return event("AppointmentPractitionerAway", status, at);
    }

    public ObjectNode practitionerBack(String status, Instant at) {
        return event("AppointmentPractitionerBack", status, at);
    }

    public ObjectNode noShow(Instant at) {
        return event("AppointmentNoShow", "NO_SHOW", at);
    }
}
