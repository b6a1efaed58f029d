package clinic.booking.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.content.MessageDeskClient;
import clinic.booking.service.PatientService;
import clinic.web.ProblemException;

/**
 * Whether a patient receives non-essential messages (reminders, later aftercare), passed through
 * to content-service. A patient opts out by the link in an e-mail; the front desk opts them back
 * in (or out) on the patient's word. Essential messages always go.
 */
@Path("/api/patients/{id}/message-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "E-mails to patients as content-service keeps them: delivery, attention and opt-outs")
public class MessagePreferencesResource {

    @Inject
    MessageDeskClient content;

    @Inject
    PatientService patients;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Whether the patient receives non-essential messages (all roles)")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "content-service unavailable")
    @APIResponse(responseCode = "200", description = "The preference, as content-service answers it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentMessagePreferences")))
    public JsonNode get(@RestPath UUID id) {
        patients.get(id);
        return content.preferences(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Opt the patient back in ({\"nonEssential\": true}) or out, on the patient's word (front-desk, admin)")
    @APIResponse(responseCode = "400", description = "nonEssential missing")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "content-service unavailable; nothing changed")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentMessagePreferencesChange")))
    @APIResponse(responseCode = "200", description = "The preference now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentMessagePreferences")))
    public JsonNode set(@RestPath UUID id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("nonEssential", "is required");
        }
        patients.get(id);
        return content.setPreferences(id, body);
    }
}
