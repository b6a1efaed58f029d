package clinic.booking.screening;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/**
 * The only way booking talks to screening. Any failure to get an answer (down, slow, erroring,
 * circuit open) becomes a 503 problem with Retry-After: the caller learns that nothing was
 * confirmed and when to try again. There is deliberately no default answer.
 */
@ApplicationScoped
public class ScreeningClient {

    static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    @RestClient
    ScreeningApi api;

    @Inject
    @RestClient
    ServiceScreeningApi service;

    /** Screens on behalf of the person whose request this is (their credentials go along). */
    public ScreeningDecision screen(ScreeningRequest request) {
        return call("screen an appointment", () -> api.screen(request));
    }

    /** Screens on booking's own behalf: a re-screen that no person's request is waiting for. */
    public ScreeningDecision screenAsService(ScreeningRequest request) {
        return call("re-screen an appointment", () -> service.screen(request));
    }

    public IntakeReceipt putIntake(UUID patientId, IntakeQuestionnaire intake) {
        return call("store an intake", () -> api.putIntake(patientId, intake));
    }

    /** The latest intake; screening answers only clinicians (others get its 403). */
    public JsonNode intake(UUID patientId) {
        return call("read an intake", () -> api.getIntake(patientId));
    }

    public JsonNode review(UUID decisionId, ReviewRequest review) {
        return call("record a review", () -> api.review(decisionId, review.verdict()));
    }

    /** A decision as screening shows it to the caller's role: detail for clinicians, categories otherwise. */
    public JsonNode decision(UUID decisionId) {
        return call("read a decision", () -> api.decision(decisionId));
    }

    /** The versions a decision for this patient would rest on now. */
    public DecisionInputs inputs(UUID patientId) {
        return call("check that a decision is current", () -> api.inputs(patientId));
    }

    public List<BlockedPeriod> blockedPeriods(BlockedPeriodsRequest request) {
        return call("check interval rules", () -> api.blockedPeriods(request));
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException deliberateAnswer) {
            throw deliberateAnswer;
        } catch (RuntimeException failure) {
            Log.warnf("screening-service unavailable while trying to %s: %s", what, failure.toString());
            throw new ProblemException(Problem.of(503, "screening-unavailable", "Screening unavailable",
                    "The safety screening could not be reached, so nothing was confirmed. Try again shortly."),
                    RETRY_AFTER_SECONDS);
        }
    }
}
