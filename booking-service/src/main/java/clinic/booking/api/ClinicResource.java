package clinic.booking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.booking.config.ClinicConfig;

/** How the clinic writes times and dates, so every screen shows and reads them the clinic's way. */
@Path("/api/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Who is signed in, how to sign in, and the clinic's settings for the UI")
public class ClinicResource {

    /** The clinic's IANA zone and its numeric date pattern (dd, MM and yyyy with one separator, e.g. dd.MM.yyyy). */
    public record ClinicSettings(String timeZone, String dateFormat) {
    }

    @Inject
    ClinicConfig config;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The clinic's time zone and date format (all roles)")
    public ClinicSettings settings() {
        return new ClinicSettings(config.timeZone().getId(), config.dateFormat());
    }
}
