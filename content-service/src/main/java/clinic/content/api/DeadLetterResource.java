package clinic.content.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import clinic.content.ops.DeadLetters;
import clinic.web.Problem;
import clinic.web.ProblemException;
import io.smallrye.common.annotation.Blocking;

/**
 * The dead-letter topic for operators (admin role): what waits there, without payloads, and its
 * replay once the cause is fixed. A replay that meets a failure that may pass (the database is
 * down) stops and answers 503; run it again later.
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Blocking
public class DeadLetterResource {

    private static final int MAX = 10_000;

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    public List<DeadLetters.Entry> waiting(@QueryParam("limit") @DefaultValue("100") int limit) {
        return deadLetters.waiting(checked("limit", limit));
    }

    @POST
    @Path("/replay")
    public DeadLetters.Replay replay(@QueryParam("max") @DefaultValue("1000") int max) {
        DeadLetters.Replay replay = deadLetters.replay(checked("max", max));
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
