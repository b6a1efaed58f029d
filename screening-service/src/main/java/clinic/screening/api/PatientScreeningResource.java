package clinic.screening.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.screening.service.ScreeningService;

/** A patient's screening audit trail. */
@Path("/api/patients/{patientId}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "screening")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class PatientScreeningResource {

    private final ScreeningService screenings;
    private final DecisionViews views;

    public PatientScreeningResource(ScreeningService screenings, DecisionViews views) {
        this.screenings = screenings;
        this.views = views;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Every decision and review for a patient, newest first", description = "Role: clinician.")
    @APIResponse(responseCode = "200", description = "The audit trail (empty when none)")
    @APIResponse(responseCode = "403", description = "Not a clinician")
    public List<DecisionDetail> list(@PathParam("patientId") String patientId) {
        return screenings.forPatient(PathIds.uuid(patientId, "patientId")).stream().map(views::detail).toList();
    }
}
