package clinic.booking.screening;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * The intake questionnaire as screening-service takes it (its contract, passed through: booking
 * keeps none of it). Every answer is required; {@code isotretinoinLastDose} is given exactly when
 * isotretinoin is STOPPED. Screening checks the dates against the clinic's today.
 */
public record IntakeQuestionnaire(
        @NotNull Isotretinoin isotretinoin,
        LocalDate isotretinoinLastDose,
        @NotNull Boolean bloodThinners,
        @NotNull Boolean keloidOrHypertrophicScarring,
        @NotNull Boolean activeInfectionOrInflammation,
        @NotNull Boolean activeAcne,
        @NotNull Boolean autoimmuneCondition,
        @NotNull LocalDate completedOn) {

    /** Never, taking now, stopped on a known date, or stopped on a date not known (which needs a clinician). */
    public enum Isotretinoin { NEVER, TAKING_NOW, STOPPED, STOPPED_DATE_UNKNOWN }
}
