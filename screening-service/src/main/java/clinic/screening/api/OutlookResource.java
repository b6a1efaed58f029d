package clinic.screening.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.screening.service.OutlookService;

/** When could this patient have this procedure: a forecast of screening per day, with front-desk categories only. */
@Path("/api/screenings/outlook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "screening", description = "Safety screening decisions, their review and a patient's outlook")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class OutlookResource {

    private final OutlookService outlooks;

    public OutlookResource(OutlookService outlooks) {
        this.outlooks = outlooks;
    }

    @POST
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "How each clinic day from..to would go for a patient and procedure",
            description = "Roles: front-desk, clinician, admin. Runs of days with the outcome, the front-desk categories and, "
                    + "for a run that is not bookable, the earliest eligible day after it. Same rule code as a screening; "
                    + "nothing is stored.")
    @APIResponse(responseCode = "200", description = "The outlook")
    @APIResponse(responseCode = "400", description = "Invalid request, field named")
    public Outlook outlook(@NotNull @Valid OutlookRequest request) {
        return outlooks.outlook(request);
    }
}
