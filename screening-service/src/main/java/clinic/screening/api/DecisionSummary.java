package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.policy.Outcome;

/** A decision as front desk and admin may see it: no medical detail. */
public record DecisionSummary(UUID decisionId, Outcome outcome, List<ReasonView> reasons,
        @Schema(nullable = true) OffsetDateTime earliestEligibleStart, int policyVersion,
        @Schema(nullable = true) ReviewSummary review) {
}
