package clinic.screening.policy;

import static clinic.screening.policy.Procedure.MICRODERMABRASION;
import static clinic.screening.policy.Procedure.MICRONEEDLING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The least a policy may say where the evidence, not the clinic, decides (CLINICAL-RULES.md): each
 * contraindication's outcome and the procedures it covers, and the same-day ban between
 * microneedling and microdermabrasion. A policy may be stricter; one that is weaker is refused,
 * whether it comes through the API or is found stored. The numbers (windows, interval days) are
 * clinic policy and stay free. Kept in code on purpose: a policy version is data an admin writes,
 * and the floor is what that data may never go below.
 */
public final class EvidenceFloor {

    private record Floor(Outcome least, Set<Outcome> allowed, Set<Procedure> procedures) {
    }

    private static final Set<Outcome> CONTRAINDICATION_OUTCOMES = EnumSet.of(Outcome.NEEDS_REVIEW, Outcome.BLOCKED);
    private static final Set<Procedure> BOTH = EnumSet.of(MICRONEEDLING, MICRODERMABRASION);

    private static final Map<String, Floor> RULES = Map.of(
            Contraindication.ISOTRETINOIN.name(), new Floor(Outcome.NEEDS_REVIEW, CONTRAINDICATION_OUTCOMES, BOTH),
            Contraindication.KELOID_HISTORY.name(), new Floor(Outcome.NEEDS_REVIEW, CONTRAINDICATION_OUTCOMES, BOTH),
            Contraindication.ACTIVE_INFECTION.name(), new Floor(Outcome.BLOCKED, CONTRAINDICATION_OUTCOMES, BOTH),
            Contraindication.AUTOIMMUNE.name(), new Floor(Outcome.NEEDS_REVIEW, CONTRAINDICATION_OUTCOMES, BOTH),
            Contraindication.BLOOD_THINNERS.name(), new Floor(Outcome.NEEDS_REVIEW, CONTRAINDICATION_OUTCOMES,
                    EnumSet.of(MICRONEEDLING)),
            Contraindication.ACTIVE_ACNE.name(), new Floor(Outcome.NEEDS_REVIEW, CONTRAINDICATION_OUTCOMES,
                    EnumSet.of(MICRONEEDLING)),
            PolicyDocument.INTAKE_RULE_ID, new Floor(Outcome.NEEDS_INTAKE, EnumSet.of(Outcome.NEEDS_INTAKE, Outcome.BLOCKED),
                    BOTH));

    /** Interval cells whose same-day ban is evidence ("generally not standard practice" in one session). */
    private static final Set<String> SAME_DAY_BAN = Set.of(
            PolicyDocument.IntervalRule.idOf(MICRONEEDLING, MICRODERMABRASION),
            PolicyDocument.IntervalRule.idOf(MICRODERMABRASION, MICRONEEDLING));

    private EvidenceFloor() {
    }

    /** Why this rule, as written, is weaker than the evidence allows; empty when it is not. */
    public static Optional<String> weakens(PolicyDocument.ContraindicationRule rule) {
        Floor floor = RULES.get(rule.id());
        if (floor == null) {
            return Optional.empty();
        }
        if (rule.outcome() == null || !floor.allowed().contains(rule.outcome())) {
            return Optional.of("rule " + rule.id() + " may only have outcome " + floor.allowed() + ", not " + rule.outcome());
        }
        if (rule.outcome().severity() < floor.least().severity()) {
            return Optional.of("rule " + rule.id() + " is evidence-based: its outcome may not be weaker than " + floor.least());
        }
        if (rule.procedures() == null || !rule.procedures().containsAll(floor.procedures())) {
            return Optional.of("rule " + rule.id() + " is evidence-based: it must apply at least to " + floor.procedures());
        }
        return Optional.empty();
    }

    /** Why this interval cell is weaker than the evidence allows; empty when it is not. */
    public static Optional<String> weakens(PolicyDocument.IntervalRule interval) {
        if (SAME_DAY_BAN.contains(interval.id()) && !interval.sameDayBlocked()) {
            return Optional.of(interval.id() + ": the same-day ban is evidence-based and cannot be switched off");
        }
        return Optional.empty();
    }

    /** Whether the same-day ban of this cell comes from the evidence. */
    public static boolean sameDayBanIsEvidence(Procedure from, Procedure to) {
        return SAME_DAY_BAN.contains(PolicyDocument.IntervalRule.idOf(from, to));
    }
}
