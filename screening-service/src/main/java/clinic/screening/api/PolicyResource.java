package clinic.screening.api;

import java.util.List;

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
import clinic.screening.domain.PolicyVersion;
import clinic.screening.policy.Contraindication;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.PolicyDocument;
import clinic.screening.service.PolicyService;
import clinic.web.ProblemException;

/** The safety policy: readable by every role, changed only by admins, one new version per change. */
@Path("/api/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "policy", description = "The clinic's safety policy and its versions")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
public class PolicyResource {

    private final PolicyService policies;
    private final SecurityIdentity identity;
    private final ClinicTime time;

    public PolicyResource(PolicyService policies, SecurityIdentity identity, ClinicTime time) {
        this.policies = policies;
        this.identity = identity;
        this.time = time;
    }

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The active policy", description = "Any role. Rules with messages, evidence and windows; the interval matrix.")
    @APIResponse(responseCode = "200", description = "The active version")
    public PolicyView active() {
        return view(policies.active());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the windows and the interval matrix",
            description = "Role: admin. Creates a new version (old ones are kept); later decisions use it.")
    @APIResponse(responseCode = "200", description = "The new active version")
    @APIResponse(responseCode = "400", description = "Negative days, a missing or repeated matrix cell, ...")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public PolicyView change(@NotNull @Valid PolicyUpdateRequest policy) {
        return view(policies.change(policy, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Every policy version, newest first", description = "Any role.")
    @APIResponse(responseCode = "200", description = "The versions")
    public List<PolicyVersionSummary> versions() {
        List<PolicyVersion> all = policies.all();
        int active = all.isEmpty() ? 0 : all.get(0).version;
        return all.stream()
                .map(v -> new PolicyVersionSummary(v.version, v.changeNote, v.createdBy, time.render(v.createdAt), v.version == active))
                .toList();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "One policy version, as decisions made under it saw it", description = "Any role.")
    @APIResponse(responseCode = "200", description = "That version")
    @APIResponse(responseCode = "404", description = "No such version")
    public PolicyView version(@PathParam("version") String version) {
        try {
            return view(policies.version(Integer.parseInt(version)));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("version", "must be a whole number");
        }
    }

    private PolicyView view(PolicyVersion v) {
        PolicyDocument doc = v.document;
        List<PolicyView.RuleView> rules = doc.rules().stream()
                .map(r -> new PolicyView.RuleView(r.id(), r.procedures(), r.outcome(), r.frontDeskMessage(),
                        r.clinicianMessage(), r.evidence(), window(r.id(), doc.windows())))
                .toList();
        List<PolicyView.IntervalView> intervals = doc.intervals().stream()
                .map(i -> new PolicyView.IntervalView(i.id(), i.from(), i.to(), i.minimumDays(), i.sameDayBlocked(),
                        Outcome.BLOCKED, i.frontDeskMessage(), i.clinicianMessage(), PolicyDocument.POLICY_EVIDENCE,
                        i.sameDayEvidence()))
                .toList();
        return new PolicyView(v.version, v.changeNote, v.createdBy, time.render(v.createdAt), doc.windows(), rules, intervals);
    }

    private static PolicyView.WindowView window(String ruleId, PolicyDocument.Windows windows) {
        if (ruleId.equals(Contraindication.ISOTRETINOIN.name())) {
            return new PolicyView.WindowView(windows.isotretinoinWashoutMonths(), "MONTHS", PolicyDocument.POLICY_EVIDENCE);
        }
        if (ruleId.equals(PolicyDocument.INTAKE_RULE_ID)) {
            return new PolicyView.WindowView(windows.intakeValidityDays(), "DAYS", PolicyDocument.POLICY_EVIDENCE);
        }
        return null;
    }
}
