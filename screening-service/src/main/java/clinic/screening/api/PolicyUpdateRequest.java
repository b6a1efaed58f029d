package clinic.screening.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;
import clinic.web.input.FreeText;

/**
 * An admin's change to the policy: the numbers (windows, interval days), the same-day ban where it
 * is clinic policy, and optionally rules' outcomes. Messages carry over unchanged; rules not named
 * keep their outcome. Evidence-based rules may be made stricter, never weaker (400 naming the rule).
 * Every version says what changed and why ({@code changeNote}): it is the policy's audit trail.
 */
public record PolicyUpdateRequest(
        @NotNull @Valid Windows windows,
        @NotNull @Size(min = 4, max = 4) List<@NotNull @Valid Interval> intervals,
        @Size(max = 20) List<@NotNull @Valid RuleOutcome> rules,
        @NotBlank @Size(max = 1000) @FreeText String changeNote) {

    /** A new outcome for one contraindication or intake rule, by its id. */
    public record RuleOutcome(@NotNull String id, @NotNull Outcome outcome) {
    }

    /**
     * Both windows are clinic policy. Upper bounds only catch typos (months for days and the like); a
     * washout of 0 months would clear anyone who stopped isotretinoin yesterday, weakening a rule whose
     * outcome the evidence fixes, so at least one month.
     */
    public record Windows(
            @NotNull @Min(1) @Max(120) Integer isotretinoinWashoutMonths,
            @NotNull @Min(1) @Max(3650) Integer intakeValidityDays) {
    }

    /** One cell of the interval matrix. */
    public record Interval(
            @NotNull Procedure from,
            @NotNull Procedure to,
            @NotNull @Min(0) @Max(3650) Integer minimumDays,
            @NotNull Boolean sameDayBlocked) {
    }
}
