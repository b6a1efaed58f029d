package clinic.screening.api;

import java.util.UUID;

/**
 * The versions a new decision for this patient would rest on now: their latest intake version (0
 * when none) and the active policy version. Nothing medical; booking compares them with the
 * decision an appointment rests on before the patient is checked in or the procedure recorded.
 */
public record DecisionInputs(UUID patientId, int intakeVersion, int policyVersion) {
}
