package clinic.screening.api;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.Reason;

/** A reason as anyone may see it: the rule, its severity, the category-only message and the evidence key. */
public record ReasonView(String ruleId, Outcome severity, String frontDeskMessage, String evidence) {

    static ReasonView of(Reason reason) {
        return new ReasonView(reason.ruleId(), reason.severity(), reason.frontDeskMessage(), reason.evidence());
    }
}
