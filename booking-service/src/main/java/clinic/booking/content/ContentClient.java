package clinic.booking.content;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/** Reads an appointment's messages from content-service; when it cannot, says so plainly (503). */
@ApplicationScoped
public class ContentClient {

    @Inject
    @RestClient
    ContentApi api;

    public JsonNode messages(UUID appointmentId) {
        try {
            return api.messages(appointmentId);
        } catch (WebApplicationException answered) {
            int status = answered.getResponse().getStatus();
            if (status < 500) {
                throw new ProblemException(Problem.of(status, "content-" + status, "Messages not available",
                        "content-service answered " + status));
            }
            throw unavailable(answered);
        } catch (RuntimeException failed) {
            throw unavailable(failed);
        }
    }

    private static ProblemException unavailable(RuntimeException cause) {
        Log.warnf("content-service unavailable: %s", cause.toString());
        return new ProblemException(Problem.of(503, "content-unavailable", "Messages unavailable",
                "The message service could not be reached; the appointment itself is unaffected."), 10);
    }
}
