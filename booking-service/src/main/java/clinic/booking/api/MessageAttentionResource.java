package clinic.booking.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.content.MessageDeskClient;
import clinic.web.ProblemException;

/**
 * Messages that did not reach a patient, passed through to content-service: every role may look;
 * the front desk (who phone patients) and admins send one again or close it with a note.
 */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "E-mails to patients as content-service keeps them: delivery, attention and opt-outs")
public class MessageAttentionResource {

    @Inject
    MessageDeskClient content;

    @GET
    @Path("/attention")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Failed, dropped and retrying messages, most recent first (all roles)",
            description = "status: FAILED, DROPPED, FAILED_RETRYING, UNCERTAIN or CLOSED (repeatable; default the first four)")
    @APIResponse(responseCode = "400", description = "Unknown status or limit out of range")
    @APIResponse(responseCode = "503", description = "content-service unavailable")
    @APIResponse(responseCode = "200", description = "The messages that need attention, as content-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentAttentionItems")))
    public JsonNode attention(@RestQuery List<String> status, @RestQuery Integer limit) {
        return content.attention(status, limit);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Send a failed or dropped message again, with the same Message-ID (front-desk, admin)")
    @APIResponse(responseCode = "404", description = "No such message")
    @APIResponse(responseCode = "409", description = "Not resendable, or a later message of the appointment already went out")
    @APIResponse(responseCode = "503", description = "content-service unavailable; nothing changed")
    @APIResponse(responseCode = "200", description = "The message, due again now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentAttentionItem")))
    public JsonNode resend(@RestPath UUID id) {
        return content.resend(id);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Close a failed message by hand, with a note such as \"phoned the patient\" (front-desk, admin)")
    @APIResponse(responseCode = "400", description = "The note is missing")
    @APIResponse(responseCode = "409", description = "Not closable (already sent, closed or withdrawn)")
    @APIResponse(responseCode = "503", description = "content-service unavailable; nothing changed")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentCloseRequest")))
    @APIResponse(responseCode = "200", description = "The message, closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentAttentionItem")))
    public JsonNode close(@RestPath UUID id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("note", "is required");
        }
        return content.close(id, body);
    }
}
