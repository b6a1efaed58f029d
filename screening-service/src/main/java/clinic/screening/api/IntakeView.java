package clinic.screening.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import clinic.screening.policy.IsotretinoinUse;

/** The latest intake with every answer: clinicians only. */
public record IntakeView(UUID patientId, int intakeVersion, IsotretinoinUse isotretinoin, LocalDate isotretinoinLastDose,
        boolean bloodThinners, boolean keloidOrHypertrophicScarring, boolean activeInfectionOrInflammation,
        boolean activeAcne, boolean autoimmuneCondition, LocalDate completedOn, String recordedBy,
        boolean recordedByClinician, OffsetDateTime recordedAt) {
}
