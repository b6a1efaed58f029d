package clinic.content.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our reading of booking's patient event (topic clinic.patients.v1, schema
 * patient-event-v1.schema.json owned by booking): a correction of the contact data messages use, a
 * duplicate record merged into another (with the survivor's contact data), a patient erased. Our
 * own record; fields we do not know are ignored and {@code type} stays text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientEvent(
        UUID eventId,
        String type,
        Integer version,
        Instant occurredAt,
        UUID patientId,
        Integer contactVersion,
        String firstName,
        String email,
        UUID survivorId,
        List<UUID> mergedPatientIds) {

    public static final String CONTACT_CORRECTED = "PatientContactCorrected";
    public static final String MERGED = "PatientMerged";
    public static final String ERASED = "PatientErased";
}
