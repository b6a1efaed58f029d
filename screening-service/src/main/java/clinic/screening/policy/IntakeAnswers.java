package clinic.screening.policy;

import java.time.LocalDate;

/** The intake answers the rules read: one stored intake version, free of persistence concerns. */
public record IntakeAnswers(int version, IsotretinoinUse isotretinoin, LocalDate isotretinoinLastDose,
        boolean bloodThinners, boolean keloidOrHypertrophicScarring, boolean activeInfectionOrInflammation,
        boolean activeAcne, boolean autoimmuneCondition, LocalDate completedOn, boolean recordedByClinician) {
}
