package clinic.content.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import clinic.content.repository.OptOutRepository;
import clinic.web.ProblemException;

/** Patients who opted out of non-essential messages, most recent first, for the front desk's list. */
@Path("/api/opt-outs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "front-desk", "clinician", "admin" })
public class OptOutListResource {

    private static final int MAX_LIMIT = 500;

    private final OptOutRepository optOuts;

    public OptOutListResource(OptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    @GET
    public List<MessagePreferences> optedOut(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return optOuts.latest(limit).stream().map(o -> new MessagePreferences(o.patientId, false, o.optedOutAt)).toList();
    }
}
