package clinic.booking.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.desk.DeskClients;
import clinic.web.ProblemException;

/**
 * When could this patient have this procedure: screening's outlook for each day, relayed so the
 * booking and moving screens can say why a day has no times for the patient and which day is the
 * first that has. Nothing medical passes: outcomes, categories and dates.
 */
@Path("/api/availability/outlook")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Free slots and how each day would go for a patient")
public class OutlookResource {

    @Inject
    DeskClients desk;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "How each clinic day from..to would go for a patient and procedure (all roles)",
            description = "Runs of days with the outcome screening would give (CLEARED, NEEDS_REVIEW, BLOCKED, NEEDS_INTAKE), "
                    + "the front-desk categories and, for a blocked run, the earliest eligible day. With appointmentId "
                    + "(the appointment being moved) it does not count against itself. At most 62 days.")
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter")
    @APIResponse(responseCode = "503", description = "Screening unavailable")
    @APIResponse(responseCode = "200", description = "Each day from..to, as screening-service answers it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningOutlook")))
    public JsonNode outlook(@RestQuery String procedure, @RestQuery String from, @RestQuery String to,
            @RestQuery String patientId, @RestQuery String appointmentId) {
        LocalDate first = QueryParams.requiredDate("from", from);
        LocalDate last = QueryParams.requiredDate("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > 62) {
            throw ProblemException.badRequest("to", "the range may cover at most 62 days");
        }
        return desk.outlook(QueryParams.requiredProcedure("procedure", procedure), first, last,
                QueryParams.optionalId("patientId", patientId), QueryParams.optionalId("appointmentId", appointmentId));
    }
}
