package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.policy.Outcome;

/**
 * The answer to booking: the stored decision's id, outcome and front-desk reasons, and the inputs it
 * rests on (the patient's latest intake version, 0 when none, and the policy version), so booking
 * can tell when a newer intake or policy makes it stale.
 */
public record ScreeningResponse(UUID decisionId, Outcome outcome, List<ReasonView> reasons,
        @Schema(nullable = true) OffsetDateTime earliestEligibleStart, int policyVersion, int intakeVersion) {
}
