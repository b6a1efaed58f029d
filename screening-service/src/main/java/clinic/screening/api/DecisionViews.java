package clinic.screening.api;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.screening.config.ClinicTime;
import clinic.screening.domain.ScreeningDecision;
import clinic.screening.domain.ScreeningReview;
import clinic.screening.service.ScreeningService.DecisionWithReview;

/** Renders stored decisions for each audience; only {@link #detail} carries medical detail. */
@ApplicationScoped
public class DecisionViews {

    private final ClinicTime time;

    public DecisionViews(ClinicTime time) {
        this.time = time;
    }

    public ScreeningResponse response(ScreeningDecision d) {
        return new ScreeningResponse(d.id, d.outcome, d.reasons.stream().map(ReasonView::of).toList(),
                time.render(d.earliestEligibleStart), d.policyVersion, d.intakeVersion == null ? 0 : d.intakeVersion);
    }

    public DecisionSummary summary(DecisionWithReview dr) {
        ScreeningDecision d = dr.decision();
        ScreeningReview r = dr.review();
        return new DecisionSummary(d.id, d.outcome, d.reasons.stream().map(ReasonView::of).toList(),
                time.render(d.earliestEligibleStart), d.policyVersion,
                r == null ? null : new ReviewSummary(r.decision, time.render(r.reviewedAt)));
    }

    public DecisionDetail detail(DecisionWithReview dr) {
        ScreeningDecision d = dr.decision();
        return new DecisionDetail(d.id, d.patientId, d.appointmentId, d.procedure, time.render(d.requestedStart), d.outcome,
                d.reasons, time.render(d.earliestEligibleStart), d.policyVersion, d.intakeVersion, d.inputs, d.decidedBy,
                time.render(d.decidedAt), dr.review() == null ? null : review(dr.review()));
    }

    /** For the admin's audit: who and when, without medical detail (see {@link DecisionAuditEntry}). */
    public DecisionAuditEntry audit(DecisionWithReview dr) {
        ScreeningDecision d = dr.decision();
        ScreeningReview r = dr.review();
        return new DecisionAuditEntry(d.id, d.appointmentId, d.procedure, time.render(d.requestedStart), d.outcome,
                d.reasons.stream().map(ReasonView::of).toList(), time.render(d.earliestEligibleStart), d.policyVersion,
                d.intakeVersion, d.decidedBy, time.render(d.decidedAt),
                r == null ? null : new DecisionAuditEntry.ReviewAudit(r.decision, r.reviewedBy, time.render(r.reviewedAt)));
    }

    public ReviewView review(ScreeningReview r) {
        return new ReviewView(r.decisionId, r.decision, r.reason, r.reviewedBy, time.render(r.reviewedAt));
    }
}
