package clinic.screening.selfservice;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.screening.api.OpenApiDefinition;
import clinic.screening.api.Roles;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.IntakeInvitationRepository;
import clinic.screening.domain.IntakeRepository;
import clinic.screening.service.PolicyService;

/** The state of a patient's intake for any staff role: on file or not, valid until when, link outstanding or answered. */
@Path("/api/intake-status/{patientId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "intake", description = "Intake questionnaires, their status and self-service links")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class IntakeStatusResource {

    private final IntakeRepository intakes;
    private final IntakeInvitationRepository invitations;
    private final PolicyService policies;
    private final ClinicTime time;

    public IntakeStatusResource(IntakeRepository intakes, IntakeInvitationRepository invitations, PolicyService policies,
            ClinicTime time) {
        this.intakes = intakes;
        this.invitations = invitations;
        this.policies = policies;
        this.time = time;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Whether the patient's intake is on file and until when it is valid (no answers)",
            description = "Roles: front-desk, clinician, admin. validUntil is the last appointment day the latest intake "
                    + "covers under the active policy's intakeValidityDays. invitation is the latest self-service link: "
                    + "WAITING for the patient, RECEIVED, EXPIRED or REPLACED by a newer one.")
    @APIResponse(responseCode = "200", description = "The state")
    @APIResponse(responseCode = "400", description = "patientId is not an id")
    public IntakeStatusView status(@PathParam("patientId") java.util.UUID patient) {
        int validityDays = policies.active().document.windows().intakeValidityDays();
        LocalDate today = time.today();
        var invitation = invitations.latest(patient).map(i -> new IntakeStatusView.Invitation(i.id, i.state(time.now()).name(),
                time.render(i.createdAt), time.render(i.expiresAt), time.render(i.usedAt), i.intakeVersion)).orElse(null);
        return intakes.latest(patient).map(i -> {
            LocalDate validUntil = i.completedOn.plusDays(validityDays);
            return new IntakeStatusView(patient, validUntil.isBefore(today) ? IntakeStatusView.State.EXPIRED
                    : IntakeStatusView.State.VALID, i.version, i.completedOn, validUntil,
                    IntakeInvitations.RECORDED_BY_PATIENT.equals(i.recordedBy), time.render(i.recordedAt), invitation);
        }).orElse(new IntakeStatusView(patient, IntakeStatusView.State.NONE, null, null, null, false, null, invitation));
    }
}
