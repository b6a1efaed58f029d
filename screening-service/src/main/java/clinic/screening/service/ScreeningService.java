package clinic.screening.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import clinic.screening.api.BlockedPeriod;
import clinic.screening.api.BlockedPeriodsRequest;
import clinic.screening.api.DecisionInputs;
import clinic.screening.api.ReviewRequest;
import clinic.screening.api.ScreeningRequest;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.InputsSummary;
import clinic.screening.domain.IntakeRepository;
import clinic.screening.domain.PolicyVersion;
import clinic.screening.domain.ScreeningDecision;
import clinic.screening.domain.ScreeningDecisionRepository;
import clinic.screening.domain.ScreeningReview;
import clinic.screening.domain.ScreeningReviewRepository;
import clinic.screening.policy.ClinicianConfirmation;
import clinic.screening.policy.Evaluation;
import clinic.screening.policy.IntakeAnswers;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.ReasonCategory;
import clinic.screening.policy.ScreeningRules;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** Screens requests against the active policy, stores every decision and review, and answers the audit queries. */
@ApplicationScoped
public class ScreeningService {

    private final PolicyService policies;
    private final IntakeRepository intakes;
    private final ScreeningDecisionRepository decisions;
    private final ScreeningReviewRepository reviews;
    private final ClinicTime time;
    private final MeterRegistry metrics;
    private final PatientRecords records;

    public ScreeningService(PolicyService policies, IntakeRepository intakes, ScreeningDecisionRepository decisions,
            ScreeningReviewRepository reviews, ClinicTime time, MeterRegistry metrics, PatientRecords records) {
        this.records = records;
        this.policies = policies;
        this.intakes = intakes;
        this.decisions = decisions;
        this.reviews = reviews;
        this.time = time;
        this.metrics = metrics;
    }

    /** A decision together with its review, if any. */
    public record DecisionWithReview(ScreeningDecision decision, ScreeningReview review) {
    }

    @Transactional
    public ScreeningDecision screen(ScreeningRequest request, String user) {
        records.requireLive(request.patientId());
        PolicyVersion policy = policies.active();
        LocalDate day = time.dayOf(request.start());
        OtherAppointments.Considered others = OtherAppointments.consider(request.appointmentId(),
                request.otherAppointments(), time);
        // read for every procedure: the decision records the intake version it rests on, so booking
        // can tell when a newer one makes it stale (a consultation's rules simply ignore the answers)
        Optional<IntakeAnswers> intake = intakes.latestAnswers(request.patientId());
        Evaluation evaluation = ScreeningRules.evaluate(policy.document, request.procedure(), day, intake, others.counted());
        if (request.appointmentId() != null) {
            evaluation = ClinicianConfirmation.apply(evaluation, decisions.earlierForAppointment(request.appointmentId()), intake);
        }

        ScreeningDecision decision = new ScreeningDecision();
        decision.id = UUID.randomUUID();
        decision.patientId = request.patientId();
        decision.appointmentId = request.appointmentId();
        decision.procedure = request.procedure();
        decision.requestedStart = request.start().toInstant();
        decision.outcome = evaluation.outcome();
        decision.reasons = evaluation.reasons();
        decision.earliestEligibleStart = evaluation.earliestEligibleDay() == null ? null
                : time.startOf(evaluation.earliestEligibleDay()).toInstant();
        decision.policyVersion = policy.version;
        decision.intakeVersion = intake.map(IntakeAnswers::version).orElse(null);
        decision.inputs = new InputsSummary(request.procedure(),
                time.iso(request.start()), day.toString(),
                time.zone().getId(), decision.intakeVersion, others.inputs());
        decision.decidedBy = user;
        decision.decidedAt = time.now();
        decisions.record(decision);
        metrics.counter("screening.decisions", "outcome", decision.outcome.name()).increment();
        // the outcome only (reasons would name medical findings); debug: one line per booking is too much for the log
        Log.debugf("Screening decision %s: %s under policy version %d", decision.id, decision.outcome, decision.policyVersion);
        return decision;
    }

    /** The versions a decision for this patient would rest on now. */
    @Transactional
    public DecisionInputs inputs(UUID patientId) {
        records.requireLive(patientId);
        return new DecisionInputs(patientId, intakes.latestAnswers(patientId).map(IntakeAnswers::version).orElse(0), policies.active().version);
    }

    /** The interval rules' blocked days, through the same rule code as {@link #screen}; nothing is stored. */
    @Transactional
    public List<BlockedPeriod> blockedPeriods(BlockedPeriodsRequest request) {
        PolicyVersion policy = policies.active();
        OtherAppointments.Considered others = OtherAppointments.consider(request.appointmentId(),
                request.otherAppointments(), time);
        return ScreeningRules.mergedByRule(ScreeningRules.blockedDays(policy.document, request.procedure(), others.counted()))
                .stream()
                .map(b -> new BlockedPeriod(time.startOf(b.first()), time.startOf(b.untilExclusive()),
                        ReasonCategory.of(b.ruleId())))
                .toList();
    }

    @Transactional
    public ScreeningReview review(UUID decisionId, ReviewRequest request, String clinician) {
        ScreeningDecision decision = decisions.findForReview(decisionId)
                .orElseThrow(() -> ProblemException.notFound("Screening decision", decisionId));
        if (decision.outcome != Outcome.NEEDS_REVIEW) {
            throw notAllowed("Only a NEEDS_REVIEW decision can be reviewed; this one is " + decision.outcome + ".");
        }
        Optional<ScreeningReview> earlier = reviews.findByIdOptional(decisionId);
        if (earlier.isPresent()) {
            // a repeat whose first answer was lost (a timeout, a crash) gets that answer; a different verdict is refused
            if (earlier.get().decision == request.decision()) {
                return earlier.get();
            }
            throw notAllowed("This decision was already reviewed (" + earlier.get().decision + "); reviews are final.");
        }
        ScreeningReview review = new ScreeningReview();
        review.decisionId = decisionId;
        review.decision = request.decision();
        review.reason = request.reason().strip();
        review.reviewedBy = clinician;
        review.reviewedAt = time.now();
        reviews.persist(review);
        Log.infof("Screening decision %s reviewed: %s", decisionId, review.decision);
        return review;
    }

    @Transactional
    public DecisionWithReview get(UUID decisionId) {
        ScreeningDecision decision = decisions.findByIdOptional(decisionId)
                .orElseThrow(() -> ProblemException.notFound("Screening decision", decisionId));
        return new DecisionWithReview(decision, reviews.findByIdOptional(decisionId).orElse(null));
    }

    @Transactional
    public List<DecisionWithReview> forPatient(UUID patientId) {
        return withReviews(decisions.forPatientsNewestFirst(records.withMerged(patientId)));
    }

    @Transactional
    public List<DecisionWithReview> pendingReview() {
        return withReviews(decisions.pendingReview());
    }

    private List<DecisionWithReview> withReviews(List<ScreeningDecision> list) {
        Map<UUID, ScreeningReview> byDecision = reviews.byDecision(list.stream().map(d -> d.id).toList());
        return list.stream().map(d -> new DecisionWithReview(d, byDecision.get(d.id))).toList();
    }

    private static ProblemException notAllowed(String detail) {
        return new ProblemException(Problem.of(409, "review-not-allowed", "Review not allowed", detail));
    }
}
