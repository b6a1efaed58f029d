package clinic.booking.content;

import static clinic.booking.remote.RemoteService.CONTENT;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;


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
        return CONTENT.call("read the messages needing attention", () -> api.attention(status, limit));
    }

    public JsonNode resend(UUID messageId) {
        return CONTENT.call("send a message again", () -> api.resend(messageId));
    }

    public JsonNode close(UUID messageId, JsonNode body) {
        return CONTENT.call("close a message", () -> api.close(messageId, body));
    }

    public JsonNode preferences(UUID patientId) {
        return CONTENT.call("read message preferences", () -> api.preferences(patientId));
    }

    public JsonNode setPreferences(UUID patientId, JsonNode body) {
        return CONTENT.call("change message preferences", () -> api.setPreferences(patientId, body));
    }

    public JsonNode optOuts(Integer limit) {
        return CONTENT.call("list opt-outs", () -> api.optOuts(limit));
    }
}
