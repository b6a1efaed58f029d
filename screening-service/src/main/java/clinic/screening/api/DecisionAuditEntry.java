package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.domain.ScreeningReview.Verdict;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;

/**
 * A decision as the clinic's admin audits it: who decided what, when, for which appointment and
 * under which policy and intake version, and who reviewed it. No medical detail: no clinician
 * messages, no decision inputs, no reviewer's reasoning.
 */
public record DecisionAuditEntry(UUID decisionId, @Schema(nullable = true) UUID appointmentId, Procedure procedure,
        OffsetDateTime start,
        Outcome outcome, List<ReasonView> reasons, @Schema(nullable = true) OffsetDateTime earliestEligibleStart,
                int policyVersion,
                @Schema(nullable = true) Integer intakeVersion, @Schema(nullable = true) String decidedBy,
                OffsetDateTime decidedAt, @Schema(nullable = true) ReviewAudit review) {

    /** Whether, when and by whom the decision was reviewed. */
    public record ReviewAudit(Verdict decision, String reviewedBy, OffsetDateTime reviewedAt) {
    }
}
