package clinic.content.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import clinic.content.config.ClinicConfig;
import clinic.content.domain.AftercareCatalog;
import clinic.content.domain.Procedure;
import clinic.web.ProblemException;

/** The aftercare plan of a procedure, for staff to read or print. */
@Path("/api/aftercare")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "front-desk", "clinician", "admin" })
public class AftercareResource {

    private final ClinicConfig clinic;

    public AftercareResource(ClinicConfig clinic) {
        this.clinic = clinic;
    }

    @GET
    @Path("/{procedure}")
    public AftercarePlanResponse plan(@PathParam("procedure") String code) {
        Procedure procedure = Procedure.fromCode(code).orElseThrow(() -> ProblemException.badRequest("procedure",
                "unknown procedure '" + code + "'; expected one of MICRONEEDLING, MICRODERMABRASION, CONSULTATION"));
        List<AftercarePlanResponse.Step> steps = AftercareCatalog.plan(procedure).stream()
                .map(s -> new AftercarePlanResponse.Step(s.step(), s.offset(), s.essential(), s.title(), s.whatIsNormal(),
                        s.advice(), AftercareCatalog.RED_FLAGS, s.references()))
                .toList();
        var references = new java.util.TreeMap<String, String>();
        steps.forEach(s -> s.references().forEach(key -> references.put(key, AftercareCatalog.REFERENCES.get(key))));
        return new AftercarePlanResponse(procedure.name(), procedure.displayName(),
                "completion of the procedure; steps due between 22:00 and 08:00 (" + clinic.timeZone().getId()
                        + ") are sent at 08:00",
                steps, steps.isEmpty() ? List.of() : AftercareCatalog.RED_FLAGS,
                new AftercarePlanResponse.Contact(clinic.name(), clinic.phone(), clinic.address()), references);
    }
}
