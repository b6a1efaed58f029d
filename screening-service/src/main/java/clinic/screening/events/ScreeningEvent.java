package clinic.screening.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Version 1 of the screening event, as documented in
 * {@code src/main/resources/events/screening-event-v1.schema.json}: that an input of screening
 * decisions changed (a patient's intake, the policy, a duplicate record's intakes merged into the
 * survivor). Ids and version numbers only, never answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningEvent(UUID eventId, String type, int version, Instant occurredAt, UUID patientId,
        Integer intakeVersion, Integer policyVersion, UUID mergedPatientId) {

    public static final int VERSION = 1;
    public static final String INTAKE_RECORDED = "IntakeRecorded";
    public static final String POLICY_PUBLISHED = "PolicyPublished";
    public static final String PATIENT_MERGE_APPLIED = "PatientMergeApplied";
}
