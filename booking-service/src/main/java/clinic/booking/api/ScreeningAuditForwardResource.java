package clinic.booking.api;

import java.util.UUID;

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
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.admin.AdminClients;

/** A patient's screening audit trail, owned by screening-service and passed through as it answers. */
@Path("/api/patients/{patientId}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "The safety policy and the screening audit, kept by screening-service")
public class ScreeningAuditForwardResource {

    @Inject
    AdminClients admin;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Every screening decision and review for a patient, newest first (roles: clinician, admin)",
            description = "From screening-service: clinicians get each decision in full; the admin gets who decided what and "
                    + "when, under which policy and intake version, and who reviewed it, without medical detail.")
    @APIResponse(responseCode = "403", description = "Neither clinician nor admin")
    @APIResponse(responseCode = "503", description = "Screening unavailable; retry after the Retry-After delay")
    @APIResponse(responseCode = "200", description = "The audit trail, as screening-service shows it to your role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningPatientScreenings")))
    public JsonNode audit(@RestPath UUID patientId) {
        return admin.screeningAudit(patientId);
    }
}
