package clinic.screening.policy;

import java.time.LocalDate;

/**
 * The intake answers the rules read: one stored intake version, free of persistence concerns.
 * {@code lastByClinician} is the newest earlier version a clinician recorded, when this one was not
 * recorded by a clinician (null otherwise): {@link ClinicianFindings} holds the two side by side.
 */
public record IntakeAnswers(int version, IsotretinoinUse isotretinoin, LocalDate isotretinoinLastDose,
        boolean bloodThinners, boolean keloidOrHypertrophicScarring, boolean activeInfectionOrInflammation,
        boolean activeAcne, boolean autoimmuneCondition, LocalDate completedOn, boolean recordedByClinician,
        IntakeAnswers lastByClinician) {

    /** One version on its own, with no clinician's record behind it. */
    public IntakeAnswers(int version, IsotretinoinUse isotretinoin, LocalDate isotretinoinLastDose, boolean bloodThinners,
            boolean keloidOrHypertrophicScarring, boolean activeInfectionOrInflammation, boolean activeAcne,
            boolean autoimmuneCondition, LocalDate completedOn, boolean recordedByClinician) {
        this(version, isotretinoin, isotretinoinLastDose, bloodThinners, keloidOrHypertrophicScarring,
                activeInfectionOrInflammation, activeAcne, autoimmuneCondition, completedOn, recordedByClinician, null);
    }

    /** The same answers with the clinician's earlier record beside them. */
    public IntakeAnswers after(IntakeAnswers byClinician) {
        return new IntakeAnswers(version, isotretinoin, isotretinoinLastDose, bloodThinners, keloidOrHypertrophicScarring,
                activeInfectionOrInflammation, activeAcne, autoimmuneCondition, completedOn, recordedByClinician, byClinician);
    }
}
