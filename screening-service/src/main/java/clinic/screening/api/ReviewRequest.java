package clinic.screening.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.screening.domain.ScreeningReview.Verdict;
import clinic.web.input.FreeText;

/** A clinician's verdict on a NEEDS_REVIEW decision, with the reason for the record. */
public record ReviewRequest(@NotNull Verdict decision, @NotBlank @Size(max = 4000) @FreeText String reason) {
}
