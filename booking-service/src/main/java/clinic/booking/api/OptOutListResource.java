package clinic.booking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.content.MessageDeskClient;

/** Patients who opted out of non-essential messages, from content-service, for the front desk's list. */
@Path("/api/opt-outs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "E-mails to patients as content-service keeps them: delivery, attention and opt-outs")
public class OptOutListResource {

    @Inject
    MessageDeskClient content;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Patients who opted out of non-essential messages, most recent first (all roles)")
    @APIResponse(responseCode = "400", description = "limit out of range")
    @APIResponse(responseCode = "503", description = "content-service unavailable")
    @APIResponse(responseCode = "200", description = "The opt-outs, as content-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentOptOuts")))
    public JsonNode optOuts(@RestQuery Integer limit) {
        return content.optOuts(limit);
    }
}
