package clinic.booking.content;

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
 * Talks to content-service about failed messages and message preferences: its refusals (4xx)
 * pass through unchanged, and when it cannot answer the caller gets a plain 503; nothing is
 * assumed in its place.
 */
@ApplicationScoped
public class MessageDeskClient {

    @Inject
    @RestClient
    MessageDeskApi api;

    public JsonNode attention(List<String> status, Integer limit) {
        return call(() -> api.attention(status, limit));
    }

    public JsonNode resend(UUID messageId) {
        return call(() -> api.resend(messageId));
    }

    public JsonNode close(UUID messageId, JsonNode body) {
        return call(() -> api.close(messageId, body));
    }

    public JsonNode preferences(UUID patientId) {
        return call(() -> api.preferences(patientId));
    }

    public JsonNode setPreferences(UUID patientId, JsonNode body) {
        return call(() -> api.setPreferences(patientId, body));
    }

    public JsonNode optOuts(Integer limit) {
        return call(() -> api.optOuts(limit));
    }

    private static JsonNode call(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            Log.warnf("content-service unavailable: %s", failed.toString());
            throw new ProblemException(Problem.of(503, "content-unavailable", "Message service unavailable",
                    "The message service could not be reached; nothing was changed. Try again shortly."), 10);
        }
    }
}
