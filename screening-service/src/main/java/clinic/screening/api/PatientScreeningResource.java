package clinic.screening.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.screening.service.ScreeningService;
import io.quarkus.security.identity.SecurityIdentity;

/** A patient's screening audit trail: in full for clinicians, without medical detail for the admin. */
@Path("/api/patients/{patientId}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "screening", description = "Safety screening decisions, their review and a patient's outlook")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class PatientScreeningResource {

    private final ScreeningService screenings;
    private final DecisionViews views;
    private final SecurityIdentity identity;

    public PatientScreeningResource(ScreeningService screenings, DecisionViews views, SecurityIdentity identity) {
        this.screenings = screenings;
        this.views = views;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Every decision and review for a patient, newest first",
            description = "Roles: clinician gets each decision in full (clinician messages, inputs, review); admin gets the "
                    + "audit view: who decided what and when, under which policy and intake version, and who reviewed it, "
                    + "without medical detail.")
    @APIResponse(responseCode = "200", description = "The audit trail (empty when none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = { DecisionDetail[].class, DecisionAuditEntry[].class })))
    @APIResponse(responseCode = "403", description = "Neither clinician nor admin")
    public List<?> list(@PathParam("patientId") UUID patientId) {
        var trail = screenings.forPatient(patientId).stream();
        return identity.hasRole(Roles.CLINICIAN) ? trail.map(views::detail).toList() : trail.map(views::audit).toList();
    }
}
