package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.domain.InputsSummary;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;
import clinic.screening.policy.Reason;

/** A decision in full, with clinician messages, inputs and review: clinicians only. */
public record DecisionDetail(UUID decisionId, UUID patientId, @Schema(nullable = true) UUID appointmentId,
        Procedure procedure,
        OffsetDateTime start, Outcome outcome, List<Reason> reasons,
        @Schema(nullable = true) OffsetDateTime earliestEligibleStart,
        int policyVersion, @Schema(nullable = true) Integer intakeVersion,
        @Schema(nullable = true) InputsSummary inputs, @Schema(nullable = true) String decidedBy,
                OffsetDateTime decidedAt,
                @Schema(nullable = true) ReviewView review) {
}
