package clinic.content.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import clinic.content.service.OptOutService;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A patient's choice about non-essential messages, for staff. A patient opts out by the link in an
 * e-mail; opting back in (or out, on the patient's word by phone) is done by the front desk.
 */
@Path("/api/patients/{patientId}/message-preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "front-desk", "clinician", "admin" })
public class MessagePreferencesResource {

    private final OptOutService optOuts;
    private final SecurityIdentity identity;

    public MessagePreferencesResource(OptOutService optOuts, SecurityIdentity identity) {
        this.optOuts = optOuts;
        this.identity = identity;
    }

    @GET
    public MessagePreferences get(@PathParam("patientId") UUID id) {
        return optOuts.current(id).map(o -> new MessagePreferences(id, false, o.optedOutAt))
                .orElse(new MessagePreferences(id, true, null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "front-desk", "admin" })
    public MessagePreferences set(@PathParam("patientId") UUID id, @Valid @NotNull MessagePreferencesRequest request) {
        String by = "staff: " + identity.getPrincipal().getName();
        if (request.nonEssential()) {
            optOuts.optIn(id, by);
        } else {
            optOuts.optOut(id, by);
        }
        return get(id);
    }
}
