package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.screening.policy.Outcome;

/** The answer to booking: the stored decision's id, outcome and front-desk reasons. */
public record ScreeningResponse(UUID decisionId, Outcome outcome, List<ReasonView> reasons,
        OffsetDateTime earliestEligibleStart, int policyVersion) {
}
