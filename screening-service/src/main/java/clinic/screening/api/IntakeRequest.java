package clinic.screening.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * The intake questionnaire as the front desk or a clinician records it. Booleans are boxed so a
 * missing answer is a 400 naming the question, never a silent "no". Keloid means personal or
 * family history of keloid or hypertrophic scarring; infection/inflammation and acne mean in the
 * treatment area.
 */
public record IntakeRequest(
        @NotNull Boolean takingIsotretinoin,
        LocalDate isotretinoinLastDose,
        @NotNull Boolean bloodThinners,
        @NotNull Boolean keloidOrHypertrophicScarring,
        @NotNull Boolean activeInfectionOrInflammation,
        @NotNull Boolean activeAcne,
        @NotNull Boolean autoimmuneCondition,
        @NotNull LocalDate completedOn) {
}
