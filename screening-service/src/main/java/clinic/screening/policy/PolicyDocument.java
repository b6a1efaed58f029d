package clinic.screening.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the clinic's safety policy as data (stored as a JSON document per version): the
 * windows, the contraindication rules with their messages and evidence, and the interval matrix.
 * What each contraindication rule looks at in the intake is code ({@link Contraindication}); what
 * it concludes, for which procedures, and the numbers are data.
 */
public record PolicyDocument(Windows windows, List<ContraindicationRule> rules, List<IntervalRule> intervals) {

    public static final String INTAKE_RULE_ID = "INTAKE_MISSING_OR_STALE";
    public static final String POLICY_EVIDENCE = "policy";

    /** The time windows; both are clinic policy (the evidence gives no number). */
    public record Windows(int isotretinoinWashoutMonths, int intakeValidityDays) {
    }

    /** A rule read from the intake (or its absence), with its outcome and messages. */
    public record ContraindicationRule(String id, List<Procedure> procedures, Outcome outcome,
            String frontDeskMessage, String clinicianMessage, String evidence) {

        public boolean appliesTo(Procedure procedure) {
            return procedures.contains(procedure);
        }
    }

    /**
     * Minimum calendar days from an earlier {@code from} appointment to a later {@code to} one, and
     * whether the two may never share a day. The day count is clinic policy; the same-day ban has
     * its own source.
     */
    public record IntervalRule(Procedure from, Procedure to, int minimumDays, boolean sameDayBlocked,
            String sameDayEvidence) {

        public static String idOf(Procedure from, Procedure to) {
            return "INTERVAL_" + from + "_TO_" + to;
        }

        public String id() {
            return idOf(from, to);
        }

        /** How many consecutive days, starting with the earlier appointment's day, the later one may not use. */
        public int blockedSpanDays() {
            return Math.max(minimumDays, sameDayBlocked ? 1 : 0);
        }

        public String frontDeskMessage() {
            String base = "not bookable: " + label(to) + " needs at least " + minimumDays + " days after " + label(from);
            return base + (sameDayBlocked ? ", never on the same day" : "") + " (clinic policy)";
        }

        public String clinicianMessage() {
            return "Minimum interval " + from + " -> " + to + ": " + minimumDays + " calendar days in the clinic zone"
                    + (sameDayBlocked ? "; same-day combination not standard practice" : "")
                    + ". The day count is clinic policy, not evidence.";
        }

        private static String label(Procedure procedure) {
            return procedure.name().toLowerCase(Locale.ROOT);
        }
    }

    public ContraindicationRule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy has no rule " + id));
    }

    public Optional<IntervalRule> interval(Procedure from, Procedure to) {
        return intervals.stream().filter(i -> i.from() == from && i.to() == to).findFirst();
    }

    /** The procedures the interval matrix covers (every treatment, in both roles). */
    public static Set<Procedure> intervalProcedures() {
        return Arrays.stream(Procedure.values()).filter(Procedure::isTreatment)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Procedure.class)));
    }

    /**
     * Problems that would make this policy unsafe to apply: a missing rule would silently clear
     * what it should catch, so a policy must name every rule the code knows, and every pair of the
     * matrix, exactly once.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (windows == null) {
            problems.add("windows missing");
        } else if (windows.isotretinoinWashoutMonths() < 0 || windows.intakeValidityDays() < 0) {
            problems.add("windows must not be negative");
        }
        List<String> expectedRules = new ArrayList<>();
        for (Contraindication c : Contraindication.values()) {
            expectedRules.add(c.name());
        }
        expectedRules.add(INTAKE_RULE_ID);
        List<String> ruleIds = rules == null ? List.of() : rules.stream().map(ContraindicationRule::id).toList();
        for (String id : expectedRules) {
            long count = ruleIds.stream().filter(id::equals).count();
            if (count != 1) {
                problems.add("rule " + id + " must appear once, appears " + count + " times");
            }
        }
        if (rules != null) {
            rules.stream().filter(r -> !expectedRules.contains(r.id())).forEach(r -> problems.add("unknown rule " + r.id()));
            rules.stream().filter(r -> r.outcome() == null || r.outcome() == Outcome.CLEARED || r.procedures() == null)
                    .forEach(r -> problems.add("rule " + r.id() + " needs procedures and a non-CLEARED outcome"));
            rules.forEach(r -> EvidenceFloor.weakens(r).ifPresent(problems::add));
        }
        for (Procedure from : intervalProcedures()) {
            for (Procedure to : intervalProcedures()) {
                long count = intervals == null ? 0 : intervals.stream().filter(i -> i.from() == from && i.to() == to).count();
                if (count != 1) {
                    problems.add("interval " + IntervalRule.idOf(from, to) + " must appear once, appears " + count + " times");
                }
            }
        }
        if (intervals != null) {
            intervals.stream().filter(i -> i.from() == null || i.to() == null || !i.from().isTreatment() || !i.to().isTreatment())
                    .forEach(i -> problems.add("intervals are only between treatments"));
            intervals.stream().filter(i -> i.minimumDays() < 0)
                    .forEach(i -> problems.add("interval " + i.id() + " has negative minimum days"));
            intervals.stream().filter(i -> i.from() != null && i.to() != null)
                    .forEach(i -> EvidenceFloor.weakens(i).ifPresent(problems::add));
        }
        return problems;
    }
}
