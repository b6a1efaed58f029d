package clinic.screening.selfservice;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.screening.api.OpenApiDefinition;
import clinic.screening.api.Roles;
import clinic.screening.config.ClinicTime;
import io.quarkus.security.identity.SecurityIdentity;

/** Makes a patient's self-service intake link, for booking to have e-mailed by content-service. */
@Path("/api/intake-invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "intake", description = "Intake questionnaires, their status and self-service links")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class IntakeInvitationResource {

    /** For which patient. */
    public record InvitationRequest(@NotNull UUID patientId) {
    }

    /** The link to send (a credential: it goes to the patient's e-mail and nowhere else). */
    public record InvitationView(UUID invitationId, UUID patientId, String link, OffsetDateTime expiresAt) {
    }

    private final IntakeInvitations invitations;
    private final SecurityIdentity identity;
    private final ClinicTime time;

    public IntakeInvitationResource(IntakeInvitations invitations, SecurityIdentity identity, ClinicTime time) {
        this.invitations = invitations;
        this.identity = identity;
        this.time = time;
    }

    @POST
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Make a signed, expiring, single-use link for the patient to answer the intake themselves",
            description = "Roles: front-desk, clinician. An earlier link of the patient that was not used stops working.")
    @APIResponse(responseCode = "201", description = "The link and when it expires",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "patientId missing or not an id")
    public Response create(@NotNull @Valid InvitationRequest request) {
        var made = invitations.create(request.patientId(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/intake-invitations/" + made.invitation().id))
                .entity(new InvitationView(made.invitation().id, request.patientId(), made.link(), time.render(made.invitation().expiresAt)))
                .build();
    }
}
