package clinic.booking.admin;

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
 * The admin's calls to screening. Their refusals (4xx problems: invalid policy, wrong
 * role) pass through unchanged; any failure to get an answer becomes a 503 problem with
 * Retry-After, never a made-up answer.
 */
@ApplicationScoped
public class AdminClients {

    static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    @RestClient
    ScreeningAdminApi screening;

    public JsonNode policy() {
        return call(SCREENING, "read the policy", screening::policy);
    }

    public JsonNode changePolicy(JsonNode policy) {
        return call(SCREENING, "change the policy", () -> screening.changePolicy(policy));
    }

    public JsonNode policyVersions() {
        return call(SCREENING, "read the policy versions", screening::policyVersions);
    }

    public JsonNode screeningAudit(UUID patientId) {
        return call(SCREENING, "read a screening audit", () -> screening.screeningAudit(patientId));
    }

    /** The problem each service's outage is, as the rest of booking names it. */
    private record Unavailable(String service, String kind, String title) {
    }

    private static final Unavailable SCREENING = new Unavailable("screening-service", "screening-unavailable",
            "Screening unavailable");

    private static JsonNode call(Unavailable service, String what, Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ProblemException deliberateAnswer) {
            throw deliberateAnswer;
        } catch (RuntimeException failure) {
            Log.warnf("%s unavailable while trying to %s: %s", service.service(), what, failure.toString());
            throw new ProblemException(Problem.of(503, service.kind(), service.title(),
                    "The " + service.service() + " could not be reached, so nothing was read or changed. Try again shortly."),
                    RETRY_AFTER_SECONDS);
        }
    }
}
