package clinic.screening.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What each contraindication rule reads in the intake. The answer is the clinician detail when
 * the rule fires, empty otherwise; windows count back from the appointment day, never from today.
 */
public enum Contraindication {

    ISOTRETINOIN {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            if (intake.takingIsotretinoin()) {
                return Optional.of("Reports taking isotretinoin now.");
            }
            LocalDate lastDose = intake.isotretinoinLastDose();
            int months = windows.isotretinoinWashoutMonths();
            // a dose exactly `months` before the appointment day has completed the washout
            if (lastDose != null && lastDose.isAfter(appointmentDay.minusMonths(months))) {
                return Optional.of("Last isotretinoin dose " + lastDose + " is within the " + months
                        + "-month washout before the appointment day " + appointmentDay
                        + " (the window length is clinic policy).");
            }
            return Optional.empty();
        }
    },
    KELOID_HISTORY {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            return when(intake.keloidOrHypertrophicScarring(), "Personal or family history of keloid or hypertrophic scarring.");
        }
    },
    ACTIVE_INFECTION {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            return when(intake.activeInfectionOrInflammation(),
                    "Active skin infection or inflammatory condition in the treatment area (intake completed "
                            + intake.completedOn() + ").");
        }
    },
    AUTOIMMUNE {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            return when(intake.autoimmuneCondition(), "Reports an autoimmune condition.");
        }
    },
    BLOOD_THINNERS {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            return when(intake.bloodThinners(), "Reports blood-thinning medication.");
        }
    },
    ACTIVE_ACNE {
        @Override
        Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows) {
            return when(intake.activeAcne(), "Active acne in the treatment area.");
        }
    };

    abstract Optional<String> finding(IntakeAnswers intake, LocalDate appointmentDay, PolicyDocument.Windows windows);

    private static Optional<String> when(boolean answer, String detail) {
        return answer ? Optional.of(detail) : Optional.empty();
    }
}
