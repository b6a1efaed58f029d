package clinic.screening.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import clinic.screening.config.ClinicTime;
import clinic.screening.domain.Intake;
import clinic.screening.service.IntakeService;

/** The intake questionnaire: anyone at the desk may record it, only clinicians may read the answers back. */
@Path("/api/intakes/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "intake", description = "Intake questionnaires, their status and self-service links")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class IntakeResource {

    private final IntakeService intakes;
    private final SecurityIdentity identity;
    private final ClinicTime time;

    public IntakeResource(IntakeService intakes, SecurityIdentity identity, ClinicTime time) {
        this.intakes = intakes;
        this.identity = identity;
        this.time = time;
    }

    @PUT
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Record a new intake version",
            description = "Roles: front-desk, clinician. Stores a new immutable version; the answer carries nothing medical. "
                    + "Announces the new version on the screening events topic in the same transaction, so that booking "
                    + "screens the patient's upcoming appointments again.")
    @APIResponse(responseCode = "200", description = "Stored; the new version number")
    @APIResponse(responseCode = "400", description = "A missing answer or an impossible date, named in errors[].field")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public IntakeReceipt record(@PathParam("patientId") UUID patientId, @NotNull @Valid IntakeRequest intake) {
        Intake stored = intakes.record(patientId, intake, identity.getPrincipal().getName(),
                identity.hasRole(Roles.CLINICIAN));
        return new IntakeReceipt(stored.patientId, stored.version, stored.completedOn);
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The latest intake with every answer", description = "Role: clinician (medical data).")
    @APIResponse(responseCode = "200", description = "The latest version")
    @APIResponse(responseCode = "403", description = "Not a clinician")
    @APIResponse(responseCode = "404", description = "No intake on file")
    public IntakeView latest(@PathParam("patientId") UUID patientId) {
        Intake i = intakes.latest(patientId);
        return new IntakeView(i.patientId, i.version, i.isotretinoin, i.isotretinoinLastDose, i.bloodThinners,
                i.keloidOrHypertrophicScarring, i.activeInfectionOrInflammation, i.activeAcne, i.autoimmuneCondition,
                i.completedOn, i.recordedBy, i.recordedByClinician, time.render(i.recordedAt));
    }
}
