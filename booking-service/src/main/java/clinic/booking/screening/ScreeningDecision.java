package clinic.booking.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** screening-service's answer, limited to what the front desk may see. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningDecision(UUID decisionId, Outcome outcome, List<Reason> reasons,
        OffsetDateTime earliestEligibleStart, Integer policyVersion) {

    /** The gate's verdict; anything but CLEARED keeps an appointment from being confirmed. */
    public enum Outcome { CLEARED, NEEDS_REVIEW, BLOCKED, NEEDS_INTAKE }

    /** One rule that fired: its id (a front-desk-safe code), severity, message and evidence key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String ruleId, String severity, String frontDeskMessage, String evidence) {
    }

    public List<String> ruleIds() {
        return reasons == null ? List.of() : reasons.stream().map(Reason::ruleId).toList();
    }
}
