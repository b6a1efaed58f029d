package clinic.booking.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Version 1 of the patient event, as documented in
 * {@code src/main/resources/events/patient-event-v1.schema.json}: a correction of the contact data
 * that messages use (first name and e-mail only), a duplicate record merged into another, a patient
 * erased. Never medical data, never more contact data than content-service needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientEvent(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID patientId,
        Integer contactVersion,
        String firstName,
        String email,
        UUID survivorId,
        List<UUID> mergedPatientIds) {

    public static final int VERSION = 1;
    public static final String CONTACT_CORRECTED = "PatientContactCorrected";
    public static final String MERGED = "PatientMerged";
    public static final String ERASED = "PatientErased";
}
