package clinic.consumers;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.smallrye.common.annotation.Blocking;

/**
 * The service's dead-letter topics for operators (admin role): what waits there, without payloads,
 * and their replay once the cause is fixed. A replay that meets a failure that may pass (the
 * database is down, Kafka does not answer, its time limit) stops and answers 503 with what it did;
 * run it again later. A replay while another runs answers 409.
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Blocking
@Tag(name = "dead letters", description = "Events this service could not apply (without their payloads), and their replay")
public class DeadLetterResource {

    private static final int MAX = 10_000;

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Dead letters not yet replayed: topic, partition, offset, key, time, event type and reason")
    public List<DeadLetters.Entry> waiting(
            @Parameter(description = "one dead-letter topic of this service; all of them when absent") @QueryParam("topic") String topic,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return deadLetters.waiting(topic, checked("limit", limit));
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Apply waiting dead letters as the consumer would; what still cannot be applied goes back with the"
            + " new reason; 503 when a failure that may pass stopped it (run it again)")
    public DeadLetters.Replay replay(
            @Parameter(description = "one dead-letter topic of this service; all of them when absent") @QueryParam("topic") String topic,
            @QueryParam("max") @DefaultValue("1000") int max) {
        DeadLetters.Replay replay = deadLetters.replay(topic, checked("max", max));
        if (replay.stoppedBy() != null) {
            throw new ProblemException(Problem.of(503, "replay-interrupted", "Replay stopped",
                    "The replay stopped after " + replay.read() + " event(s) on a failure that may pass (" + replay.stoppedBy()
                            + "); what was replayed is recorded. Run it again shortly.")
                    .with("replay", replay), 10);
        }
        return replay;
    }

    private static int checked(String field, int value) {
        if (value < 1 || value > MAX) {
            throw ProblemException.badRequest(field, "must be between 1 and " + MAX);
        }
        return value;
    }
}
