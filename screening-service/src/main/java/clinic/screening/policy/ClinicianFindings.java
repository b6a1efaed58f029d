package clinic.screening.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Only a clinician lifts what a clinician recorded. When the newest intake was answered by the
 * patient (the e-mailed link) or entered at the front desk, and no longer reports a contraindication
 * that the newest intake a clinician recorded did report (an infection, isotretinoin, ...), it does
 * not clear anything on its own: the decision needs a clinician's review. A clinician's approval lets
 * that appointment go ahead; a clinician recording a new intake settles it for every booking. Clinic
 * policy: a self-report that an infection has healed or that a medication was never taken is for a
 * clinician to confirm.
 */
public final class ClinicianFindings {

    public static final String RULE_ID = "CLINICIAN_FINDING_NOT_CONFIRMED";
    static final String FRONT_DESK_MESSAGE = "clinician review required: the latest answers differ from a clinician's record";

    private ClinicianFindings() {
    }

    /** The review reason, when the intake drops something the clinician's record reported. */
    static Optional<Reason> reason(IntakeAnswers intake) {
        IntakeAnswers clinician = intake.lastByClinician();
        if (intake.recordedByClinician() || clinician == null) {
            return Optional.empty();
        }
        List<Contraindication> dropped = Arrays.stream(Contraindication.values())
                .filter(c -> c.reported(clinician) && !c.reported(intake)).toList();
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason(RULE_ID, Outcome.NEEDS_REVIEW, FRONT_DESK_MESSAGE,
                "Intake version " + intake.version() + " (not recorded by a clinician) no longer reports "
                        + dropped.stream().map(Contraindication::name).collect(Collectors.joining(", "))
                        + ", which intake version " + clinician.version() + ", recorded by a clinician on "
                        + ClinicianText.day(clinician.completedOn()) + ", reported. Confirm that it has resolved (approve), or record a new intake.",
                PolicyDocument.POLICY_EVIDENCE));
    }
}
