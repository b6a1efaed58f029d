package clinic.screening.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Only a clinician confirms what a clinician was asked to review. Once a decision about an
 * appointment needed review, a later screening that would clear it (a new intake, a new time, a
 * new policy) still needs a clinician's approval, unless the intake that clears it was itself
 * recorded by a clinician after the flag. The flag is resolved by an approval or by a decision that
 * cleared the appointment on such grounds; blocking decisions in between do not resolve it.
 */
public final class ClinicianConfirmation {

    public static final String RULE_ID = "CLINICIAN_CONFIRMATION";
    static final String FRONT_DESK_MESSAGE = "clinician review required: a clinician was asked to review this appointment";

    /** An earlier decision about the same appointment, with whether a clinician approved it. */
    public record Earlier(UUID decisionId, Outcome outcome, Integer intakeVersion, boolean approved) {
    }

    private ClinicianConfirmation() {
    }

    /**
     * The evaluation to record: unchanged, or NEEDS_REVIEW for clinician confirmation when it would
     * clear an appointment whose earlier review request is still unresolved.
     */
    public static Evaluation apply(Evaluation evaluation, List<Earlier> newestFirst, Optional<IntakeAnswers> intake) {
        if (evaluation.outcome() != Outcome.CLEARED) {
            return evaluation;
        }
        for (Earlier earlier : newestFirst) {
            if (earlier.outcome() == Outcome.CLEARED || earlier.approved()) {
                return evaluation;
            }
            if (earlier.outcome() == Outcome.NEEDS_REVIEW) {
                int flaggedOn = earlier.intakeVersion() == null ? 0 : earlier.intakeVersion();
                boolean clinicianAnsweredSince = intake.filter(i -> i.recordedByClinician() && i.version() > flaggedOn).isPresent();
                return clinicianAnsweredSince ? evaluation : needsConfirmation(earlier);
            }
            // a blocking decision in between: the review request, if any, lies further back
        }
        return evaluation;
    }

    private static Evaluation needsConfirmation(Earlier flagged) {
        Reason reason = new Reason(RULE_ID, Outcome.NEEDS_REVIEW, FRONT_DESK_MESSAGE,
                "Decision " + flagged.decisionId() + " asked for a clinician's review and no clinician has approved this "
                        + "appointment since. This screening would clear it, but what clears it (an intake not recorded by a "
                        + "clinician, a new time, or a new policy) has not been seen by a clinician: confirm or deny.",
                PolicyDocument.POLICY_EVIDENCE);
        return new Evaluation(Outcome.NEEDS_REVIEW, List.of(reason), null);
    }
}
