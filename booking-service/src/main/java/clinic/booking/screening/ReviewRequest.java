package clinic.booking.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.web.input.FreeText;

/** A clinician's verdict on a decision that needed review. */
public record ReviewRequest(@NotNull Verdict decision, @NotBlank @Size(max = 2000) @FreeText String reason) {

    /** APPROVE confirms the appointment; DENY rejects it. */
    public enum Verdict { APPROVE, DENY }
}
