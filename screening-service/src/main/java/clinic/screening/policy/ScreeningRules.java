package clinic.screening.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The clinic's safety rules, applied without I/O: contraindications from the intake, intake
 * validity, a clinician's findings that later answers drop ({@link ClinicianFindings}), and the interval matrix. Screening and the blocked-period query both go through
 * {@link #blockedDays}, so each interval rule is written exactly once.
 */
public final class ScreeningRules {

    private ScreeningRules() {
    }

    /**
     * Screens one procedure on one clinic-zone day. A stale or missing intake yields NEEDS_INTAKE
     * and its answers are not read: they no longer describe the patient on that day.
     */
    public static Evaluation evaluate(PolicyDocument policy, Procedure procedure, LocalDate day,
            Optional<IntakeAnswers> intake, List<ScheduledProcedure> others) {
        if (!procedure.isTreatment()) {
            return new Evaluation(Outcome.CLEARED, List.of(), null);
        }
        List<Reason> reasons = new ArrayList<>();
        Optional<IntakeAnswers> valid = intake.filter(i -> isValidOn(i, day, policy.windows()));
        PolicyDocument.ContraindicationRule intakeRule = policy.rule(PolicyDocument.INTAKE_RULE_ID);
        if (valid.isEmpty() && intakeRule.appliesTo(procedure)) {
            reasons.add(new Reason(intakeRule.id(), intakeRule.outcome(), intakeRule.frontDeskMessage(),
                    intakeRule.clinicianMessage() + " " + intakeDetail(intake, day, policy.windows()), intakeRule.evidence()));
        }
        valid.ifPresent(answers -> {
            for (Contraindication check : Contraindication.values()) {
                PolicyDocument.ContraindicationRule rule = policy.rule(check.name());
                if (rule.appliesTo(procedure)) {
                    check.finding(answers, day, policy.windows()).ifPresent(detail -> reasons.add(new Reason(rule.id(),
                            rule.outcome(), rule.frontDeskMessage(), rule.clinicianMessage() + " " + detail, rule.evidence())));
                }
            }
            ClinicianFindings.reason(answers).ifPresent(reasons::add);
        });

        List<BlockedDays> blocked = blockedDays(policy, procedure, others);
        List<Reason> intervalReasons = intervalReasons(policy, day, blocked);
        reasons.addAll(intervalReasons);
        LocalDate earliest = intervalReasons.isEmpty() ? null : earliestEligibleDay(blocked, day);

        List<String> ruleOrder = ruleOrder(policy);
        reasons.sort(Comparator.comparing((Reason r) -> -r.severity().severity())
                .thenComparing(r -> ruleOrder.indexOf(r.ruleId())));
        Outcome outcome = reasons.isEmpty() ? Outcome.CLEARED : reasons.get(0).severity();
        return new Evaluation(outcome, List.copyOf(reasons), earliest);
    }

    /** An intake is valid for an appointment day up to and including {@code intakeValidityDays} days after completion. */
    public static boolean isValidOn(IntakeAnswers intake, LocalDate day, PolicyDocument.Windows windows) {
        return ChronoUnit.DAYS.between(intake.completedOn(), day) <= windows.intakeValidityDays();
    }

    /**
     * Every range of days on which a new {@code procedure} appointment would break an interval rule,
     * one range per (other appointment, rule, direction). Rules hold both ways in time: an earlier
     * other appointment blocks the days after it, a later one blocks the days before it.
     */
    public static List<BlockedDays> blockedDays(PolicyDocument policy, Procedure procedure, List<ScheduledProcedure> others) {
        List<BlockedDays> blocked = new ArrayList<>();
        if (!procedure.isTreatment()) {
            return blocked;
        }
        for (ScheduledProcedure other : others) {
            if (!other.procedure().isTreatment()) {
                continue;
            }
            LocalDate otherDay = other.day();
            // the other appointment comes first: the new one may not fall in the span that starts on its day
            policy.interval(other.procedure(), procedure).filter(rule -> rule.blockedSpanDays() > 0)
                    .ifPresent(rule -> blocked.add(new BlockedDays(otherDay, otherDay.plusDays(rule.blockedSpanDays()),
                            rule.id(), other)));
            // the new one comes first: it may not fall in the span that ends on the other's day
            policy.interval(procedure, other.procedure()).filter(rule -> rule.blockedSpanDays() > 0)
                    .ifPresent(rule -> blocked.add(new BlockedDays(otherDay.minusDays(rule.blockedSpanDays() - 1L),
                            otherDay.plusDays(1), rule.id(), other)));
        }
        return blocked;
    }

    /** The first day on or after {@code from} that no range blocks. */
    public static LocalDate earliestEligibleDay(List<BlockedDays> blocked, LocalDate from) {
        LocalDate day = from;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (BlockedDays range : blocked) {
                if (range.contains(day)) {
                    day = range.untilExclusive();
                    moved = true;
                }
            }
        }
        return day;
    }

    /** Merges each rule's ranges into disjoint runs of days, ordered by start: what booking must not offer. */
    public static List<BlockedDays> mergedByRule(List<BlockedDays> blocked) {
        Map<String, List<BlockedDays>> byRule = blocked.stream()
                .collect(Collectors.groupingBy(BlockedDays::ruleId, LinkedHashMap::new, Collectors.toList()));
        List<BlockedDays> merged = new ArrayList<>();
        byRule.forEach((ruleId, ranges) -> {
            List<BlockedDays> sorted = ranges.stream().sorted(Comparator.comparing(BlockedDays::first)).toList();
            BlockedDays current = null;
            for (BlockedDays range : sorted) {
                if (current != null && !range.first().isAfter(current.untilExclusive())) {
                    LocalDate end = range.untilExclusive().isAfter(current.untilExclusive()) ? range.untilExclusive()
                            : current.untilExclusive();
                    current = new BlockedDays(current.first(), end, ruleId, null);
                } else {
                    if (current != null) {
                        merged.add(current);
                    }
                    current = new BlockedDays(range.first(), range.untilExclusive(), ruleId, null);
                }
            }
            merged.add(current);
        });
        merged.sort(Comparator.comparing(BlockedDays::first).thenComparing(BlockedDays::ruleId));
        return merged;
    }

    private static List<Reason> intervalReasons(PolicyDocument policy, LocalDate day, List<BlockedDays> blocked) {
        Map<String, List<ScheduledProcedure>> conflictsByRule = new LinkedHashMap<>();
        for (BlockedDays range : blocked) {
            if (range.contains(day)) {
                List<ScheduledProcedure> conflicts = conflictsByRule.computeIfAbsent(range.ruleId(), id -> new ArrayList<>());
                if (!conflicts.contains(range.cause())) {
                    conflicts.add(range.cause());
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        conflictsByRule.forEach((ruleId, conflicts) -> {
            PolicyDocument.IntervalRule rule = policy.intervals().stream().filter(i -> i.id().equals(ruleId)).findFirst()
                    .orElseThrow();
            boolean sameDay = conflicts.stream().anyMatch(c -> c.day().equals(day));
            String evidence = sameDay && rule.sameDayBlocked() && rule.sameDayEvidence() != null
                    ? rule.sameDayEvidence() : PolicyDocument.POLICY_EVIDENCE;
            String detail = conflicts.stream()
                    .map(c -> ClinicianText.procedure(c.procedure()) + " on " + ClinicianText.day(c.day()) + ", "
                            + ClinicianText.apart(c.day(), day) + " this appointment on " + ClinicianText.day(day) + ".")
                    .collect(Collectors.joining(" "));
            reasons.add(new Reason(ruleId, Outcome.BLOCKED, rule.frontDeskMessage(), rule.clinicianMessage() + " " + detail,
                    evidence));
        });
        return reasons;
    }

    private static String intakeDetail(Optional<IntakeAnswers> intake, LocalDate day, PolicyDocument.Windows windows) {
        return intake.map(i -> "Latest intake (version " + i.version() + ") was completed " + ClinicianText.day(i.completedOn()) + ", "
                + ChronoUnit.DAYS.between(i.completedOn(), day) + " days before the appointment day " + ClinicianText.day(day)
                + "; valid for " + windows.intakeValidityDays() + " days (clinic policy).")
                .orElse("No intake on file.");
    }

    private static List<String> ruleOrder(PolicyDocument policy) {
        List<String> order = new ArrayList<>();
        policy.rules().forEach(r -> order.add(r.id()));
        policy.intervals().forEach(i -> order.add(i.id()));
        return order;
    }
}
