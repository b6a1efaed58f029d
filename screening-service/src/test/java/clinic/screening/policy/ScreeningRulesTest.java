package clinic.screening.policy;

import static clinic.screening.policy.Procedure.CONSULTATION;
import static clinic.screening.policy.Procedure.MICRODERMABRASION;
import static clinic.screening.policy.Procedure.MICRONEEDLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules at their boundary days, without a database: fast, table-driven. */
class ScreeningRulesTest {

    private static final PolicyDocument POLICY = DefaultPolicy.load();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void theDefaultPolicyIsComplete() {
        assertThat(POLICY.problems()).isEmpty();
        assertThat(POLICY.windows()).isEqualTo(new PolicyDocument.Windows(6, 90));
        assertThat(POLICY.interval(MICRONEEDLING, MICRODERMABRASION).orElseThrow().minimumDays()).isEqualTo(14);
        assertThat(POLICY.interval(MICRODERMABRASION, MICRONEEDLING).orElseThrow().minimumDays()).isEqualTo(7);
        assertThat(POLICY.interval(MICRONEEDLING, MICRONEEDLING).orElseThrow().minimumDays()).isEqualTo(28);
        assertThat(POLICY.interval(MICRODERMABRASION, MICRODERMABRASION).orElseThrow().minimumDays()).isEqualTo(14);
    }

    @Test
    void aPolicyMissingARuleIsRejectedRatherThanApplied() {
        PolicyDocument partial = new PolicyDocument(POLICY.windows(),
                POLICY.rules().stream().filter(r -> !r.id().equals("ACTIVE_INFECTION")).toList(), POLICY.intervals());
        assertThat(partial.problems()).anyMatch(p -> p.contains("ACTIVE_INFECTION"));
        PolicyDocument noMatrixCell = new PolicyDocument(POLICY.windows(), POLICY.rules(), POLICY.intervals().subList(0, 3));
        assertThat(noMatrixCell.problems()).anyMatch(p -> p.contains("INTERVAL_MICRODERMABRASION_TO_MICRODERMABRASION"));
    }

    @Test
    void theClinicianReadsTheWashoutsDaysAsPeopleWriteThem() {
        LocalDate day = LocalDate.of(2026, 12, 10);
        IntakeAnswers intake = new IntakeAnswers(1, IsotretinoinUse.STOPPED, LocalDate.of(2026, 10, 1), false, false, false, false,
                false, day.minusDays(1), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRODERMABRASION, day, Optional.of(intake), List.of());
        assertThat(result.reasons().get(0).clinicianMessage())
                .contains("Last isotretinoin dose 1 Oct 2026 is within the 6-month washout before the appointment day 10 Dec 2026");
    }

    @ParameterizedTest(name = "appointment {0}, isotretinoin {1}, last dose {2} -> {3}")
    @CsvSource({
            // exactly six months before the appointment day: washout complete
            "2026-12-01, STOPPED,              2026-06-01, CLEARED",
            // one day less than six months: still inside the window
            "2026-12-01, STOPPED,              2026-06-02, NEEDS_REVIEW",
            "2026-12-01, STOPPED,              2026-10-01, NEEDS_REVIEW",
            "2026-12-01, TAKING_NOW,                     , NEEDS_REVIEW",
            "2026-12-01, NEVER,                          , CLEARED",
            // unknown is never treated as never: a stop without a date, or an old intake that did not ask
            "2026-12-01, STOPPED_DATE_UNKNOWN,           , NEEDS_REVIEW",
            "2026-12-01, NOT_RECORDED,                   , NEEDS_REVIEW",
            // month ends: 2027-08-31 minus 6 months is 2027-02-28
            "2027-08-31, STOPPED,              2027-02-28, CLEARED",
            "2027-08-31, STOPPED,              2027-03-01, NEEDS_REVIEW",
            // the window is measured against the appointment day, not today
            "2027-03-31, STOPPED,              2026-10-01, NEEDS_REVIEW",
            "2027-04-01, STOPPED,              2026-10-01, CLEARED",
    })
    void isotretinoinWashout(LocalDate day, IsotretinoinUse use, LocalDate lastDose, Outcome expected) {
        IntakeAnswers intake = new IntakeAnswers(1, use, lastDose, false, false, false, false, false, day.minusDays(1), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRODERMABRASION, day, Optional.of(intake), List.of());
        assertThat(result.outcome()).isEqualTo(expected);
        if (expected == Outcome.NEEDS_REVIEW) {
            assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("ISOTRETINOIN");
            assertThat(result.reasons().get(0).frontDeskMessage()).isEqualTo("clinician review required: medication history");
            assertThat(result.reasons().get(0).frontDeskMessage()).doesNotContainIgnoringCase("isotretinoin");
            assertThat(result.reasons().get(0).evidence()).isEqualTo("LATIFALTOJAR-2025");
        }
    }

    @ParameterizedTest(name = "intake completed {0} days before -> {1}")
    @CsvSource({
            "0, CLEARED",
            "89, CLEARED",
            "90, CLEARED",
            "91, NEEDS_INTAKE",
            "400, NEEDS_INTAKE",
            // completed after the appointment day (a re-screen of a past appointment): still describes the patient
            "-3, CLEARED",
    })
    void intakeValidity(int daysBefore, Outcome expected) {
        IntakeAnswers intake = new IntakeAnswers(1, IsotretinoinUse.NEVER, null, false, false, false, false, false, DAY.minusDays(daysBefore), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.of(intake), List.of());
        assertThat(result.outcome()).isEqualTo(expected);
        if (expected == Outcome.NEEDS_INTAKE) {
            assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("INTAKE_MISSING_OR_STALE");
            assertThat(result.reasons().get(0).evidence()).isEqualTo("policy");
        }
    }

    @Test
    void noIntakeMeansNeedsIntakeButAConsultationNeedsNothing() {
        assertThat(ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.empty(), List.of()).outcome())
                .isEqualTo(Outcome.NEEDS_INTAKE);
        assertThat(ScreeningRules.evaluate(POLICY, CONSULTATION, DAY, Optional.empty(), List.of()).outcome())
                .isEqualTo(Outcome.CLEARED);
    }

    @ParameterizedTest(name = "clinician {0}, then {1} from the patient -> {2}")
    @CsvSource({
            // what the clinician recorded is gone from the patient's answers: a clinician confirms
            "TAKING_NOW, NEVER, false, NEEDS_REVIEW",
            "NEVER, NEVER, true, NEEDS_REVIEW",
            // a course reported as stopped long ago is still reported: the washout rule judges it
            "TAKING_NOW, STOPPED, false, CLEARED",
            // nothing dropped
            "NEVER, NEVER, false, CLEARED",
    })
    void answersThatDropAClinicianRecordedFindingNeedAClinician(IsotretinoinUse byClinician, IsotretinoinUse later,
            boolean clinicianFoundInfection, Outcome expected) {
        IntakeAnswers clinician = new IntakeAnswers(1, byClinician, null, false, false, clinicianFoundInfection, false, false,
                DAY.minusDays(20), true);
        IntakeAnswers patient = new IntakeAnswers(2, later, later == IsotretinoinUse.STOPPED ? DAY.minusYears(1) : null, false,
                false, false, false, false, DAY.minusDays(2), false).after(clinician);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.of(patient), List.of());
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.reasons().stream().anyMatch(r -> r.ruleId().equals(ClinicianFindings.RULE_ID)))
                .isEqualTo(expected == Outcome.NEEDS_REVIEW);
        // the same answers recorded by a clinician stand on their own
        IntakeAnswers sameByClinician = new IntakeAnswers(2, later, patient.isotretinoinLastDose(), false, false, false, false,
                false, DAY.minusDays(2), true);
        assertThat(ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.of(sameByClinician), List.of()).outcome())
                .isEqualTo(Outcome.CLEARED);
    }

    @Test
    void aStaleIntakeIsNotReadForContraindications() {
        IntakeAnswers staleWithInfection = new IntakeAnswers(1, IsotretinoinUse.NEVER, null, false, false, true, false, false, DAY.minusDays(91), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.of(staleWithInfection), List.of());
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("INTAKE_MISSING_OR_STALE");
    }

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @CsvSource({
            "KELOID_HISTORY,   MICRONEEDLING,     NEEDS_REVIEW",
            "KELOID_HISTORY,   MICRODERMABRASION, NEEDS_REVIEW",
            "ACTIVE_INFECTION, MICRONEEDLING,     BLOCKED",
            "ACTIVE_INFECTION, MICRODERMABRASION, BLOCKED",
            "AUTOIMMUNE,       MICRONEEDLING,     NEEDS_REVIEW",
            "AUTOIMMUNE,       MICRODERMABRASION, NEEDS_REVIEW",
            "BLOOD_THINNERS,   MICRONEEDLING,     NEEDS_REVIEW",
            "BLOOD_THINNERS,   MICRODERMABRASION, CLEARED",
            "ACTIVE_ACNE,      MICRONEEDLING,     NEEDS_REVIEW",
            "ACTIVE_ACNE,      MICRODERMABRASION, CLEARED",
            "ACTIVE_INFECTION, CONSULTATION,      CLEARED",
    })
    void eachContraindicationForEachProcedure(String rule, Procedure procedure, Outcome expected) {
        IntakeAnswers intake = new IntakeAnswers(1, IsotretinoinUse.NEVER, null, rule.equals("BLOOD_THINNERS"), rule.equals("KELOID_HISTORY"),
                rule.equals("ACTIVE_INFECTION"), rule.equals("ACTIVE_ACNE"), rule.equals("AUTOIMMUNE"), DAY.minusDays(10), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, procedure, DAY, Optional.of(intake), List.of());
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.reasons()).extracting(Reason::ruleId)
                .isEqualTo(expected == Outcome.CLEARED ? List.of() : List.of(rule));
        // the clinician sees the finding; the front desk only the category
        result.reasons().forEach(r -> assertThat(r.clinicianMessage()).isNotEqualTo(r.frontDeskMessage()));
        assertThat(result.earliestEligibleDay()).isNull();
    }

    @Test
    void outcomeIsTheMostSevereReasonAndAllReasonsAreKept() {
        IntakeAnswers intake = new IntakeAnswers(1, IsotretinoinUse.TAKING_NOW, null, true, true, true, true, true, DAY.minusDays(1), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.of(intake), List.of());
        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly("ACTIVE_INFECTION", "ISOTRETINOIN",
                "KELOID_HISTORY", "AUTOIMMUNE", "BLOOD_THINNERS", "ACTIVE_ACNE");

        Evaluation noIntakeAndTooClose = ScreeningRules.evaluate(POLICY, MICRONEEDLING, DAY, Optional.empty(),
                List.of(new ScheduledProcedure(UUID.randomUUID(), MICRONEEDLING, DAY.minusDays(3))));
        assertThat(noIntakeAndTooClose.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(noIntakeAndTooClose.reasons()).extracting(Reason::ruleId)
                .containsExactly("INTERVAL_MICRONEEDLING_TO_MICRONEEDLING", "INTAKE_MISSING_OR_STALE");
        // the clinician reads which treatment is too close and how close, not an appointment id
        assertThat(noIntakeAndTooClose.reasons().get(0).clinicianMessage())
                .endsWith("Microneedling on 28 Nov 2026, 3 days before this appointment on 1 Dec 2026.");
    }

    /**
     * offset = new appointment day minus the existing appointment's day; negative means the new
     * booking is placed before the existing one, so the rule runs from the new procedure to the old.
     */
    @ParameterizedTest(name = "existing {0}, new {1} at {2} days -> {3}")
    @CsvSource({
            "MICRONEEDLING,     MICRODERMABRASION,  13, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION",
            "MICRONEEDLING,     MICRODERMABRASION,  14, ",
            "MICRONEEDLING,     MICRODERMABRASION,   1, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION",
            "MICRONEEDLING,     MICRODERMABRASION,   0, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION|INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING",
            "MICRONEEDLING,     MICRODERMABRASION,  -6, INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING",
            "MICRONEEDLING,     MICRODERMABRASION,  -7, ",
            "MICRODERMABRASION, MICRONEEDLING,       6, INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING",
            "MICRODERMABRASION, MICRONEEDLING,       7, ",
            "MICRODERMABRASION, MICRONEEDLING,       0, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION|INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING",
            "MICRODERMABRASION, MICRONEEDLING,     -13, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION",
            "MICRODERMABRASION, MICRONEEDLING,     -14, ",
            "MICRODERMABRASION, MICRONEEDLING,      -3, INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION",
            "MICRONEEDLING,     MICRONEEDLING,      27, INTERVAL_MICRONEEDLING_TO_MICRONEEDLING",
            "MICRONEEDLING,     MICRONEEDLING,      28, ",
            "MICRONEEDLING,     MICRONEEDLING,       0, INTERVAL_MICRONEEDLING_TO_MICRONEEDLING",
            "MICRONEEDLING,     MICRONEEDLING,     -27, INTERVAL_MICRONEEDLING_TO_MICRONEEDLING",
            "MICRONEEDLING,     MICRONEEDLING,     -28, ",
            "MICRODERMABRASION, MICRODERMABRASION,  13, INTERVAL_MICRODERMABRASION_TO_MICRODERMABRASION",
            "MICRODERMABRASION, MICRODERMABRASION,  14, ",
            "MICRODERMABRASION, MICRODERMABRASION,   0, INTERVAL_MICRODERMABRASION_TO_MICRODERMABRASION",
            "MICRODERMABRASION, MICRODERMABRASION, -13, INTERVAL_MICRODERMABRASION_TO_MICRODERMABRASION",
            "MICRODERMABRASION, MICRODERMABRASION, -14, ",
            "CONSULTATION,      MICRONEEDLING,       0, ",
            "MICRONEEDLING,     CONSULTATION,        0, ",
    })
    void intervalMatrixAtItsBoundaries(Procedure existing, Procedure requested, int offset, String expectedRules) {
        ScheduledProcedure other = new ScheduledProcedure(UUID.randomUUID(), existing, DAY);
        IntakeAnswers intake = new IntakeAnswers(1, IsotretinoinUse.NEVER, null, false, false, false, false, false, DAY.minusDays(30), false);
        Evaluation result = ScreeningRules.evaluate(POLICY, requested, DAY.plusDays(offset), Optional.of(intake), List.of(other));
        List<String> expected = expectedRules == null ? List.of() : List.of(expectedRules.split("\\|"));
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactlyElementsOf(expected);
        assertThat(result.outcome()).isEqualTo(expected.isEmpty() ? Outcome.CLEARED : Outcome.BLOCKED);
        assertThat(result.earliestEligibleDay() == null).isEqualTo(expected.isEmpty());
        String apart = offset == 0 ? "the same day as" : Math.abs(offset) + (Math.abs(offset) == 1 ? " day " : " days ")
                + (offset > 0 ? "before" : "after");
        assertThat(result.reasons()).allSatisfy(reason -> assertThat(reason.clinicianMessage())
                .contains(ClinicianText.procedure(existing) + " on 1 Dec 2026, " + apart + " this appointment on "));
        // whatever day is offered instead must itself pass every interval rule
        if (result.earliestEligibleDay() != null) {
            Evaluation atEarliest = ScreeningRules.evaluate(POLICY, requested, result.earliestEligibleDay(), Optional.of(intake),
                    List.of(other));
            assertThat(atEarliest.outcome()).isEqualTo(Outcome.CLEARED);
            Evaluation dayBefore = ScreeningRules.evaluate(POLICY, requested, result.earliestEligibleDay().minusDays(1),
                    Optional.of(intake), List.of(other));
            assertThat(result.earliestEligibleDay().minusDays(1).isBefore(DAY.plusDays(offset))
                    || dayBefore.outcome() == Outcome.BLOCKED).isTrue();
        }
    }

    @ParameterizedTest(name = "existing {0} on day 0, new {1} on day {2} -> earliest day {3}")
    @CsvSource({
            // MN confirmed, MDA asked the next day: 14 days after the MN day
            "MICRONEEDLING,     MICRODERMABRASION,  1, 14",
            "MICRONEEDLING,     MICRODERMABRASION,  0, 14",
            // MN placed 3 days before an existing MDA: MN->MDA would need 14 days, so the next pass is after the MDA (+7)
            "MICRODERMABRASION, MICRONEEDLING,     -3,  7",
            "MICRODERMABRASION, MICRONEEDLING,    -13,  7",
            "MICRONEEDLING,     MICRONEEDLING,    -20, 28",
            "MICRODERMABRASION, MICRODERMABRASION,  5, 14",
    })
    void earliestEligibleDay(Procedure existing, Procedure requested, int requestedOffset, int expectedOffset) {
        ScheduledProcedure other = new ScheduledProcedure(UUID.randomUUID(), existing, DAY);
        Evaluation result = ScreeningRules.evaluate(POLICY, requested, DAY.plusDays(requestedOffset),
                Optional.of(new IntakeAnswers(1, IsotretinoinUse.NEVER, null, false, false, false, false, false, DAY.minusDays(30), false)),
                List.of(other));
        assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(result.earliestEligibleDay()).isEqualTo(DAY.plusDays(expectedOffset));
    }

    @Test
    void earliestEligibleDayPassesEveryAppointmentNotJustTheFirst() {
        // MN on day 0 and MDA on day 20: MDA asked on day 1 is blocked by MN->MDA until 14, MDA->MDA blocks 7..33
        List<ScheduledProcedure> others = List.of(
                new ScheduledProcedure(UUID.randomUUID(), MICRONEEDLING, DAY),
                new ScheduledProcedure(UUID.randomUUID(), MICRODERMABRASION, DAY.plusDays(20)));
        Evaluation result = ScreeningRules.evaluate(POLICY, MICRODERMABRASION, DAY.plusDays(1), Optional.empty(), others);
        assertThat(result.earliestEligibleDay()).isEqualTo(DAY.plusDays(34));
    }

    @Test
    void blockedDaysAreHalfOpenWholeDayRangesMergedPerRule() {
        List<ScheduledProcedure> others = List.of(
                new ScheduledProcedure(UUID.randomUUID(), MICRONEEDLING, DAY),
                new ScheduledProcedure(UUID.randomUUID(), MICRONEEDLING, DAY.plusDays(10)));
        List<BlockedDays> merged = ScreeningRules.mergedByRule(ScreeningRules.blockedDays(POLICY, MICRODERMABRASION, others));
        assertThat(merged).extracting(BlockedDays::ruleId, BlockedDays::first, BlockedDays::untilExclusive).containsExactly(
                tuple("INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING", DAY.minusDays(6), DAY.plusDays(1)),
                tuple("INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION", DAY, DAY.plusDays(24)),
                tuple("INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING", DAY.plusDays(4), DAY.plusDays(11)));
        assertThat(ScreeningRules.blockedDays(POLICY, CONSULTATION, others)).isEmpty();
    }
}
