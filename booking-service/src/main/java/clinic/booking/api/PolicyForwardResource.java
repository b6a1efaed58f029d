package clinic.booking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.admin.AdminClients;

/**
 * The clinic's safety policy, owned by screening-service and reached through booking, the clinic's
 * only public entry point. The JSON passes through as screening writes and reads it; screening checks
 * the roles again on the forwarded credentials.
 */
@Path("/api/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "The safety policy and the screening audit, kept by screening-service")
public class PolicyForwardResource {

    @Inject
    AdminClients admin;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The active safety policy, from screening-service (all roles)")
    @APIResponse(responseCode = "503", description = "Screening unavailable; retry after the Retry-After delay")
    @APIResponse(responseCode = "200", description = "The active policy, as screening-service answers it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningPolicy")))
    public JsonNode policy() {
        return admin.policy();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the policy's windows and interval matrix (role: admin)",
            description = "Passed to screening-service, which validates it and creates a new version; later screenings use it.")
    @APIResponse(responseCode = "200", description = "The new active version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningPolicy")))
    @APIResponse(responseCode = "400", description = "Invalid policy (screening's problem+json, naming the field)")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "503", description = "Screening unavailable: nothing was changed")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningPolicyChange")))
    public JsonNode change(@NotNull JsonNode policy) {
        return admin.changePolicy(policy);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Every policy version, newest first, from screening-service (all roles)")
    @APIResponse(responseCode = "503", description = "Screening unavailable; retry after the Retry-After delay")
    @APIResponse(responseCode = "200", description = "Every version, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningPolicyVersions")))
    public JsonNode versions() {
        return admin.policyVersions();
    }
}
