package clinic.booking.content;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/** Talks to content-service; its refusals (4xx) pass through, and when it cannot answer, says so plainly (503). */
@ApplicationScoped
public class ContentClient {

    @Inject
    @RestClient
    ContentApi api;

    /** The appointment's messages; none yet (content-service has not heard of it) is an empty list. */
    public JsonNode messages(UUID appointmentId) {
        try {
            return call(() -> api.messages(appointmentId));
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                return JsonNodeFactory.instance.arrayNode();
            }
            throw refused;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            throw unavailable(failed);
        }
    }

    private static ProblemException unavailable(RuntimeException cause) {
        Log.warnf("content-service unavailable: %s", cause.toString());
        return new ProblemException(Problem.of(503, "content-unavailable", "Message service unavailable",
                "The message service could not be reached; appointments are unaffected. Try again shortly."), 10);
    }
}
