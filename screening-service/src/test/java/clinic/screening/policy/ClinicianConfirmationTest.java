package clinic.screening.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Who may clear an appointment once a clinician was asked to review it, on every kind of history. */
class ClinicianConfirmationTest {

    private static final Evaluation CLEARS = new Evaluation(Outcome.CLEARED, List.of(), null);

    @Test
    void anOpenRequestKeepsAClearingResultWithAClinician() {
        var history = List.of(earlier(Outcome.NEEDS_REVIEW, 1, false));
        Evaluation result = ClinicianConfirmation.apply(CLEARS, history, intake(2, false));
        assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(result.reasons()).extracting(Reason::ruleId).containsExactly(ClinicianConfirmation.RULE_ID);
        assertThat(ReasonCategory.of(result.reasons().get(0).ruleId())).isEqualTo(ReasonCategory.CLINICIAN_CONFIRMATION);
    }

    @Test
    void aClinicianRecordingNewAnswersClearsIt() {
        var history = List.of(earlier(Outcome.NEEDS_REVIEW, 1, false));
        assertThat(ClinicianConfirmation.apply(CLEARS, history, intake(2, true))).isSameAs(CLEARS);
        // but not the same answers the flag was raised on
        assertThat(ClinicianConfirmation.apply(CLEARS, history, intake(1, true)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void anApprovalOrAnEarlierClearingEndsTheSearch() {
        assertThat(ClinicianConfirmation.apply(CLEARS, List.of(earlier(Outcome.NEEDS_REVIEW, 1, true)), intake(2, false)))
                .isSameAs(CLEARS);
        assertThat(ClinicianConfirmation.apply(CLEARS, List.of(earlier(Outcome.CLEARED, 2, false),
                earlier(Outcome.NEEDS_REVIEW, 1, false)), intake(2, false))).isSameAs(CLEARS);
        assertThat(ClinicianConfirmation.apply(CLEARS, List.of(), Optional.empty())).isSameAs(CLEARS);
    }

    @Test
    void blockingDecisionsInBetweenDoNotResolveTheRequest() {
        var history = List.of(earlier(Outcome.BLOCKED, 2, false), earlier(Outcome.NEEDS_INTAKE, 2, false),
                earlier(Outcome.NEEDS_REVIEW, 1, false));
        assertThat(ClinicianConfirmation.apply(CLEARS, history, intake(3, false)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void onlyAClearingResultIsChanged() {
        Evaluation blocked = new Evaluation(Outcome.BLOCKED, List.of(), null);
        assertThat(ClinicianConfirmation.apply(blocked, List.of(earlier(Outcome.NEEDS_REVIEW, 1, false)), intake(2, false)))
                .isSameAs(blocked);
    }

    private static ClinicianConfirmation.Earlier earlier(Outcome outcome, int intakeVersion, boolean approved) {
        return new ClinicianConfirmation.Earlier(UUID.randomUUID(), outcome, intakeVersion, approved);
    }

    private static Optional<IntakeAnswers> intake(int version, boolean byClinician) {
        return Optional.of(new IntakeAnswers(version, IsotretinoinUse.NEVER, null, false, false, false, false, false,
                LocalDate.of(2026, 11, 1), byClinician));
    }
}
