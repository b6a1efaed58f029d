package clinic.screening.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import clinic.screening.policy.IsotretinoinUse;

/**
 * The intake questionnaire as the front desk, a clinician or the patient records it. Every answer
 * is required, so a missing one is a 400 naming the question, never a silent "no". Isotretinoin
 * has four answers; {@code isotretinoinLastDose} is given exactly when the answer is STOPPED.
 * Keloid means personal or family history of keloid or hypertrophic scarring; infection or
 * inflammation and acne mean in the treatment area.
 */
public record IntakeRequest(
        @NotNull Isotretinoin isotretinoin,
        LocalDate isotretinoinLastDose,
        @NotNull Boolean bloodThinners,
        @NotNull Boolean keloidOrHypertrophicScarring,
        @NotNull Boolean activeInfectionOrInflammation,
        @NotNull Boolean activeAcne,
        @NotNull Boolean autoimmuneCondition,
        @NotNull LocalDate completedOn) {

    /** The answers a person can give today (older intakes may carry NOT_RECORDED, which nobody can choose). */
    public enum Isotretinoin {
        NEVER(IsotretinoinUse.NEVER),
        TAKING_NOW(IsotretinoinUse.TAKING_NOW),
        STOPPED(IsotretinoinUse.STOPPED),
        STOPPED_DATE_UNKNOWN(IsotretinoinUse.STOPPED_DATE_UNKNOWN);

        private final IsotretinoinUse use;

        Isotretinoin(IsotretinoinUse use) {
            this.use = use;
        }

        public IsotretinoinUse use() {
            return use;
        }
    }
}
