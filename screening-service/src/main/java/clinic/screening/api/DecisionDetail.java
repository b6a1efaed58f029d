package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.screening.domain.InputsSummary;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;
import clinic.screening.policy.Reason;

/** A decision in full, with clinician messages, inputs and review: clinicians only. */
public record DecisionDetail(UUID decisionId, UUID patientId, UUID appointmentId, Procedure procedure,
        OffsetDateTime start, Outcome outcome, List<Reason> reasons, OffsetDateTime earliestEligibleStart,
        int policyVersion, Integer intakeVersion, InputsSummary inputs, String decidedBy, OffsetDateTime decidedAt,
        ReviewView review) {
}
