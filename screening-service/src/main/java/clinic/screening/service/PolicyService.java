package clinic.screening.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import clinic.screening.api.PolicyUpdateRequest;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.PolicyVersion;
import clinic.screening.domain.PolicyVersionRepository;
import clinic.screening.events.ScreeningEvents;
import clinic.screening.policy.EvidenceFloor;
import clinic.screening.policy.PolicyDocument;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * The active safety policy and its history; a change always makes a new version and announces it
 * in the same transaction, so that appointments screened under the old version are screened again.
 * Numbers marked policy change freely; what the evidence decides can only be made stricter.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyVersionRepository versions;
    /** The active version as last read and found complete; immutable rows, so safe to share. */
    private volatile PolicyVersion checked;
    private final ScreeningEvents events;
    private final ClinicTime time;

    public PolicyService(PolicyVersionRepository versions, ScreeningEvents events, ClinicTime time) {
        this.versions = versions;
        this.events = events;
        this.time = time;
    }

    /**
     * The policy decisions use now. A missing or incomplete policy fails the request (500) rather
     * than screening with rules left out: the gate fails closed. Each call asks the database which
     * version is active (another replica may have made a new one); the document of a version never
     * changes, so the one already read and checked is kept until the version moves on.
     */
    @Transactional
    public PolicyVersion active() {
        int current = versions.activeVersion().orElseThrow(() -> new IllegalStateException("no safety policy stored"));
        PolicyVersion cached = checked;
        if (cached != null && cached.version == current) {
            return cached;
        }
        PolicyVersion active = versions.findById(current);
        List<String> problems = active.document.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("safety policy version " + active.version + " is incomplete: " + problems);
        }
        checked = active;
        return active;
    }

    @Transactional
    public List<PolicyVersion> all() {
        return versions.newestFirst();
    }

    @Transactional
    public PolicyVersion version(int version) {
        return versions.findByIdOptional(version).orElseThrow(() -> ProblemException.notFound("Policy version", version));
    }

    @Transactional
    public PolicyVersion change(PolicyUpdateRequest request, String admin) {
        versions.lockForChange();
        PolicyVersion current = active();
        List<Problem.FieldError> refused = new ArrayList<>();
        List<PolicyDocument.IntervalRule> intervals = new ArrayList<>();
        for (int i = 0; i < request.intervals().size(); i++) {
            PolicyUpdateRequest.Interval in = request.intervals().get(i);
            if (!in.from().isTreatment() || !in.to().isTreatment()) {
                throw ProblemException.badRequest("intervals[" + i + "]", "intervals apply between treatments only, not "
                        + (in.from().isTreatment() ? in.to() : in.from()));
            }
            String sameDayEvidence = current.document.interval(in.from(), in.to())
                    .map(PolicyDocument.IntervalRule::sameDayEvidence).orElse(null);
            PolicyDocument.IntervalRule interval = new PolicyDocument.IntervalRule(in.from(), in.to(), in.minimumDays(),
                    in.sameDayBlocked(), in.sameDayBlocked() ? sameDayEvidence : null);
            String field = "intervals[" + i + "].sameDayBlocked";
            EvidenceFloor.weakens(interval).ifPresent(why -> refused.add(new Problem.FieldError(field, why)));
            intervals.add(interval);
        }
        List<PolicyDocument.ContraindicationRule> rules = new ArrayList<>(current.document.rules());
        List<PolicyUpdateRequest.RuleOutcome> outcomes = request.rules() == null ? List.of() : request.rules();
        for (int i = 0; i < outcomes.size(); i++) {
            PolicyUpdateRequest.RuleOutcome change = outcomes.get(i);
            String field = "rules[" + i + "].outcome";
            int at = indexOf(rules, change.id());
            if (at < 0) {
                refused.add(new Problem.FieldError("rules[" + i + "].id", "no rule " + change.id() + " in the policy"));
                continue;
            }
            PolicyDocument.ContraindicationRule old = rules.get(at);
            PolicyDocument.ContraindicationRule changed = new PolicyDocument.ContraindicationRule(old.id(), old.procedures(),
                    change.outcome(), old.frontDeskMessage(), old.clinicianMessage(), old.evidence());
            EvidenceFloor.weakens(changed).ifPresent(why -> refused.add(new Problem.FieldError(field, why)));
            rules.set(at, changed);
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(Problem.of(400, "policy-weakens-evidence", "Evidence-based rule",
                    refused.stream().map(Problem.FieldError::message).reduce((a, b) -> a + "; " + b).orElseThrow())
                    .withErrors(refused));
        }
        PolicyDocument document = new PolicyDocument(
                new PolicyDocument.Windows(request.windows().isotretinoinWashoutMonths(), request.windows().intakeValidityDays()),
                rules, intervals);
        List<String> problems = document.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-request", "Invalid request", String.join("; ", problems))
                    .withErrors(problems.stream().map(p -> new Problem.FieldError("intervals", p)).toList()));
        }
        PolicyVersion next = new PolicyVersion();
        next.version = current.version + 1;
        next.document = document;
        next.changeNote = request.changeNote();
        next.createdBy = admin;
        next.createdAt = time.now();
        versions.persist(next);
        events.policyPublished(next.version);
        Log.infof("Safety policy version %d created by %s", next.version, admin);
        return next;
    }

    private static int indexOf(List<PolicyDocument.ContraindicationRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
