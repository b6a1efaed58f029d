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
            int months = windows.isotretinoinWashoutMonths();
            return switch (intake.isotretinoin()) {
                case NEVER -> Optional.empty();
                case TAKING_NOW -> Optional.of("Reports taking isotretinoin now.");
                case STOPPED_DATE_UNKNOWN -> Optional.of("Reports having stopped isotretinoin but not when: the "
                        + months + "-month washout before the appointment day cannot be confirmed.");
                case NOT_RECORDED -> Optional.of("This intake predates the isotretinoin question's four answers: it says "
                        + "only \"not taking now\", so a recent course cannot be ruled out. Record a new intake or review.");
                // a dose exactly `months` before the appointment day has completed the washout
                case STOPPED -> intake.isotretinoinLastDose().isAfter(appointmentDay.minusMonths(months))
                        ? Optional.of("Last isotretinoin dose " + ClinicianText.day(intake.isotretinoinLastDose()) + " is within the " + months
                                + "-month washout before the appointment day " + ClinicianText.day(appointmentDay)
                                + " (the window length is clinic policy).")
                        : Optional.empty();
            };
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
                            + ClinicianText.day(intake.completedOn()) + ").");
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

    /**
     * Whether the intake reports this at all, whatever the day: any isotretinoin use but "never" (an
     * intake older than the question's four answers says nothing either way), any other answer "yes".
     */
    boolean reported(IntakeAnswers intake) {
        return switch (this) {
            case ISOTRETINOIN -> intake.isotretinoin() != IsotretinoinUse.NEVER && intake.isotretinoin() != IsotretinoinUse.NOT_RECORDED;
            case KELOID_HISTORY -> intake.keloidOrHypertrophicScarring();
            case ACTIVE_INFECTION -> intake.activeInfectionOrInflammation();
            case AUTOIMMUNE -> intake.autoimmuneCondition();
            case BLOOD_THINNERS -> intake.bloodThinners();
            case ACTIVE_ACNE -> intake.activeAcne();
        };
    }

    private static Optional<String> when(boolean answer, String detail) {
        return answer ? Optional.of(detail) : Optional.empty();
    }
}
