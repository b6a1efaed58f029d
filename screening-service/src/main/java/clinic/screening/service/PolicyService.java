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
import clinic.screening.policy.PolicyDocument;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** The active safety policy and its history; a change always makes a new version. */
@ApplicationScoped
public class PolicyService {

    private final PolicyVersionRepository versions;
    private final ClinicTime time;

    public PolicyService(PolicyVersionRepository versions, ClinicTime time) {
        this.versions = versions;
        this.time = time;
    }

    /**
     * The policy decisions use now. A missing or incomplete policy fails the request (500) rather
     * than screening with rules left out: the gate fails closed.
     */
    @Transactional
    public PolicyVersion active() {
        PolicyVersion active = versions.active().orElseThrow(() -> new IllegalStateException("no safety policy stored"));
        List<String> problems = active.document.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("safety policy version " + active.version + " is incomplete: " + problems);
        }
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
        List<PolicyDocument.IntervalRule> intervals = new ArrayList<>();
        for (int i = 0; i < request.intervals().size(); i++) {
            PolicyUpdateRequest.Interval in = request.intervals().get(i);
            if (!in.from().isTreatment() || !in.to().isTreatment()) {
                throw ProblemException.badRequest("intervals[" + i + "]", "intervals apply between treatments only, not "
                        + (in.from().isTreatment() ? in.to() : in.from()));
            }
            String sameDayEvidence = current.document.interval(in.from(), in.to())
                    .map(PolicyDocument.IntervalRule::sameDayEvidence).orElse(null);
            intervals.add(new PolicyDocument.IntervalRule(in.from(), in.to(), in.minimumDays(), in.sameDayBlocked(),
                    in.sameDayBlocked() ? sameDayEvidence : null));
        }
        PolicyDocument document = new PolicyDocument(
                new PolicyDocument.Windows(request.windows().isotretinoinWashoutMonths(), request.windows().intakeValidityDays()),
                current.document.rules(), intervals);
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
        Log.infof("Safety policy version %d created by %s", next.version, admin);
        return next;
    }
}
