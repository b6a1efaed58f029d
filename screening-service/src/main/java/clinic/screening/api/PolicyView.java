package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.PolicyDocument;
import clinic.screening.policy.Procedure;

/** One policy version as anyone may read it: every rule with its messages, evidence and windows, and the interval matrix. */
public record PolicyView(int version, @Schema(nullable = true) String changeNote,
        @Schema(nullable = true) String createdBy, OffsetDateTime createdAt,
        PolicyDocument.Windows windows, List<RuleView> rules, List<IntervalView> intervals) {

    /** A contraindication or intake rule; {@code window} is set for the rules that have one. */
    public record RuleView(String id, List<Procedure> procedures, Outcome outcome, String frontDeskMessage,
            @Schema(nullable = true) String clinicianMessage, @Schema(nullable = true) String evidence,
            @Schema(nullable = true) WindowView window) {
    }

    /** A window's length; its evidence is always "policy". */
    public record WindowView(int length, String unit, String evidence) {
    }

    /** One cell of the matrix: from the earlier procedure to the later one. */
    public record IntervalView(String id, Procedure from, Procedure to, int minimumDays, boolean sameDayBlocked,
            Outcome outcome, @Schema(nullable = true) String frontDeskMessage,
            @Schema(nullable = true) String clinicianMessage, @Schema(nullable = true) String evidence,
            @Schema(nullable = true) String sameDayEvidence) {
    }
}
