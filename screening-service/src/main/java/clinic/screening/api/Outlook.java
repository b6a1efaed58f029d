package clinic.screening.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;
import clinic.screening.policy.ReasonCategory;

/**
 * The outlook: runs of consecutive days with the same outcome and front-desk categories (never rule
 * ids or findings), and for a run that is not bookable, the first day after it that is (null when
 * no day within two years is: a new intake or a clinician is needed first).
 */
public record Outlook(UUID patientId, Procedure procedure, LocalDate from, LocalDate to,
        @Schema(nullable = true) Integer intakeVersion, List<Run> days) {

    /** Days first..last (inclusive). */
    public record Run(LocalDate first, LocalDate last, Outcome outcome, List<ReasonCategory> categories,
            @Schema(nullable = true) LocalDate earliestEligibleDay) {
    }
}
