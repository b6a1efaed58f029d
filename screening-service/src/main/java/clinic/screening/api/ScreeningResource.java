package clinic.screening.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.quarkus.security.identity.SecurityIdentity;

import clinic.screening.service.ScreeningService;

/** Screening decisions: made for booking, reviewed by clinicians, shown to each role at its level of detail. */
@Path("/api/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "screening", description = "Safety screening decisions, their review and a patient's outlook")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class ScreeningResource {

    private final ScreeningService screenings;
    private final DecisionViews views;
    private final SecurityIdentity identity;

    public ScreeningResource(ScreeningService screenings, DecisionViews views, SecurityIdentity identity) {
        this.screenings = screenings;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Screen one procedure at one start",
            description = "Roles: front-desk, clinician, admin, service (booking re-screening on its own). Applies the "
                    + "active policy (contraindications, intake validity, intervals against the other appointments sent) "
                    + "and stores the decision. Outcome is the most severe reason: BLOCKED > NEEDS_INTAKE > NEEDS_REVIEW > "
                    + "CLEARED. An appointment that was sent to a clinician's review and not approved since stays "
                    + "NEEDS_REVIEW (CLINICIAN_CONFIRMATION) unless a clinician recorded the intake that clears it. The "
                    + "answer names the intake and policy versions the decision rests on.")
    @APIResponse(responseCode = "200", description = "The stored decision, front-desk reasons only")
    @APIResponse(responseCode = "400", description = "Invalid request (unknown procedure, missing start, ...), field named")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public ScreeningResponse screen(@NotNull @Valid ScreeningRequest request) {
        return views.response(screenings.screen(request, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/blocked-periods")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Days an interval rule blocks for a new appointment",
            description = "Roles: front-desk, clinician, admin, service. Half-open ranges of whole clinic-zone days, computed by the "
                    + "same rule code as screening. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The blocked ranges, ordered by start")
    @APIResponse(responseCode = "400", description = "Invalid request, field named")
    public List<BlockedPeriod> blockedPeriods(@NotNull @Valid BlockedPeriodsRequest request) {
        return screenings.blockedPeriods(request);
    }

    @GET
    @Path("/inputs/{patientId}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The intake and policy versions a decision for this patient would rest on now",
            description = "Roles: front-desk, clinician, admin, service. Version numbers only (0: no intake yet). Booking "
                    + "compares them with an appointment's decision before check-in and completion, so a change not yet "
                    + "announced to it still stops the appointment until it is screened again.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "400", description = "patientId is not an id")
    public DecisionInputs inputs(@PathParam("patientId") UUID patientId) {
        return screenings.inputs(patientId);
    }

    @GET
    @Path("/pending-review")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "NEEDS_REVIEW decisions awaiting a clinician",
            description = "Role: clinician. Oldest first; a decision superseded by a later screening of the same appointment is left out.")
    @APIResponse(responseCode = "200", description = "The queue")
    @APIResponse(responseCode = "403", description = "Not a clinician")
    public List<DecisionDetail> pendingReview() {
        return screenings.pendingReview().stream().map(views::detail).toList();
    }

    @GET
    @Path("/{decisionId}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "One decision",
            description = "Roles: clinician gets the full detail (clinician messages, inputs, review); front-desk and admin "
                    + "get outcome, front-desk reasons, earliest start, policy version and whether it was reviewed.")
    @APIResponse(responseCode = "200", description = "The decision at the caller's level of detail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = { DecisionDetail.class, DecisionSummary.class })))
    @APIResponse(responseCode = "404", description = "No such decision")
    public Object get(@PathParam("decisionId") UUID decisionId) {
        ScreeningService.DecisionWithReview decision = screenings.get(decisionId);
        return identity.hasRole(Roles.CLINICIAN) ? views.detail(decision) : views.summary(decision);
    }

    @POST
    @Path("/{decisionId}/review")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Approve or deny a NEEDS_REVIEW decision",
            description = "Role: clinician. Only a NEEDS_REVIEW decision, only once; the review is stored immutably. "
                    + "Repeating the same verdict returns the stored review; a different verdict is a 409.")
    @APIResponse(responseCode = "200", description = "The stored review")
    @APIResponse(responseCode = "400", description = "Missing decision or blank reason")
    @APIResponse(responseCode = "403", description = "Not a clinician")
    @APIResponse(responseCode = "404", description = "No such decision")
    @APIResponse(responseCode = "409", description = "Not reviewable (type urn:clinic:problem:review-not-allowed)")
    public ReviewView review(@PathParam("decisionId") UUID decisionId, @NotNull @Valid ReviewRequest review) {
        return views.review(screenings.review(decisionId, review,
                identity.getPrincipal().getName()));
    }
}
