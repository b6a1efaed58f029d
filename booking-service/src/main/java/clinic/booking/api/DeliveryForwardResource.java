package clinic.booking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.admin.AdminClients;

/** Message delivery across all appointments, owned by content-service and passed through as it answers. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DeliveryForwardResource {

    @Inject
    AdminClients admin;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "E-mail delivery by due time, latest first (role: admin)",
            description = "From content-service: each message's appointment, step, due time, status, attempts and last "
                    + "error; no recipient or content. status=FAILED,UNCERTAIN narrows it; limit 1..500 (100).")
    @APIResponse(responseCode = "400", description = "Unknown status or bad limit (content's problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "503", description = "Message service unavailable; retry after the Retry-After delay")
    public JsonNode deliveries(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return admin.deliveries(status, limit);
    }
}
