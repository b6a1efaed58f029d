package clinic.screening.policy;

/**
 * Why a decision is not simply CLEARED. The front-desk message names the category only; the
 * clinician message carries the medical detail and is shown to clinicians only.
 */
public record Reason(String ruleId, Outcome severity, String frontDeskMessage, String clinicianMessage, String evidence) {
}
