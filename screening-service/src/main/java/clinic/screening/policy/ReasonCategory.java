package clinic.screening.policy;

/**
 * What the front desk may know of a reason: a category that lets them act (book a later date,
 * collect an intake, wait for a clinician) without naming a finding. Rule ids and clinical
 * wording stay with clinicians.
 */
public enum ReasonCategory {
    MEDICATION_HISTORY,
    SCARRING_HISTORY,
    MEDICAL_HISTORY,
    SKIN_CONDITION,
    INTAKE_NEEDED,
    PROCEDURE_INTERVAL,
    CLINICIAN_CONFIRMATION;

    /** The category of a rule, by its id; an id this code does not know is treated as medical history. */
    public static ReasonCategory of(String ruleId) {
        if (ruleId.startsWith("INTERVAL_")) {
            return PROCEDURE_INTERVAL;
        }
        return switch (ruleId) {
            case "ISOTRETINOIN", "BLOOD_THINNERS" -> MEDICATION_HISTORY;
            case "KELOID_HISTORY" -> SCARRING_HISTORY;
            case "ACTIVE_INFECTION", "ACTIVE_ACNE" -> SKIN_CONDITION;
            case PolicyDocument.INTAKE_RULE_ID -> INTAKE_NEEDED;
            case ClinicianConfirmation.RULE_ID, ClinicianFindings.RULE_ID -> CLINICIAN_CONFIRMATION;
            default -> MEDICAL_HISTORY;
        };
    }
}
