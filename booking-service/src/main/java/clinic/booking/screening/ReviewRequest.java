package clinic.booking.screening;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.booking.domain.ReviewVerdict;
import clinic.web.input.FreeText;

/**
 * A clinician's verdict on the decision they read: {@code decisionId} names it, so a verdict never
 * lands on a decision that replaced it meanwhile.
 */
public record ReviewRequest(@NotNull ReviewVerdict decision, @NotBlank @Size(max = 2000) @FreeText String reason,
        @NotNull UUID decisionId) {

    /** The body screening records: the verdict and the reason. */
    public record Verdict(ReviewVerdict decision, String reason) {
    }

    public Verdict verdict() {
        return new Verdict(decision, reason);
    }
}
