package clinic.screening.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.policy.IsotretinoinUse;

/** The latest intake with every answer: clinicians only. */
public record IntakeView(UUID patientId, int intakeVersion, IsotretinoinUse isotretinoin,
        @Schema(nullable = true) LocalDate isotretinoinLastDose,
        boolean bloodThinners, boolean keloidOrHypertrophicScarring, boolean activeInfectionOrInflammation,
        boolean activeAcne, boolean autoimmuneCondition, LocalDate completedOn, @Schema(nullable = true) String recordedBy,
        boolean recordedByClinician, @Schema(nullable = true) OffsetDateTime recordedAt) {
}
