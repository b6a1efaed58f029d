package clinic.booking.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import clinic.booking.domain.ScreeningBasis;

/**
 * screening-service's answer, limited to what the front desk may see (categories, never rule ids),
 * with the intake and policy versions the decision rests on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningDecision(UUID decisionId, Outcome outcome, List<Reason> reasons,
        OffsetDateTime earliestEligibleStart, int policyVersion, int intakeVersion) {

    /** The gate's verdict; anything but CLEARED keeps an appointment from being confirmed. */
    public enum Outcome { CLEARED, NEEDS_REVIEW, BLOCKED, NEEDS_INTAKE }

    /** One reason: its front-desk category, severity and category-only message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String category, String severity, String frontDeskMessage) {
    }

    public List<String> categories() {
        return reasons == null ? List.of() : reasons.stream().map(Reason::category).distinct().toList();
    }

    public ScreeningBasis basis() {
        return new ScreeningBasis(decisionId, outcome.name(), categories(), intakeVersion, policyVersion);
    }

    public boolean blocks() {
        return outcome == Outcome.BLOCKED || outcome == Outcome.NEEDS_INTAKE;
    }
}
