package clinic.screening.api;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.Reason;
import clinic.screening.policy.ReasonCategory;

/**
 * A reason as anyone may see it: its front-desk category, severity and category-only message.
 * Rule ids, clinical wording and evidence keys are for clinicians ({@link DecisionDetail}).
 */
public record ReasonView(ReasonCategory category, Outcome severity, String frontDeskMessage) {

    static ReasonView of(Reason reason) {
        return new ReasonView(ReasonCategory.of(reason.ruleId()), reason.severity(), reason.frontDeskMessage());
    }
}
