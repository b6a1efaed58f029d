package clinic.booking.api;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import clinic.booking.service.CalendarChanges;
import io.smallrye.mutiny.Multi;

/**
 * Server-sent events for the open screens: one event per committed change to an appointment, a
 * time off or a closure, so calendars, arrivals and appointment pages update without a reload.
 * The events carry ids only; the screens read what changed through the API, with the user's rights.
 */
@Path("/api/changes")
@Tag(name = "Appointments", description = "Booking, moving and the lifecycle of appointments; the calendar and its live changes")
public class ChangesResource {

    /** Often enough that proxies keep the stream open and a dead one is noticed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    CalendarChanges changes;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Server-sent events: {table, id} for each change to appointments, time off, closures or patient"
            + " records (all roles)",
            description = "{\"table\":\"hello\"} first, {\"table\":\"heartbeat\"} every " + 20 + " seconds, and "
                    + "{\"table\":\"resync\"} when changes may have been missed (read everything again).")
    public Multi<String> stream() {
        Multi<String> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> "{\"table\":\"heartbeat\"}");
        return Multi.createBy().merging().streams(Multi.createFrom().item("{\"table\":\"hello\"}"), changes.stream(), heartbeats);
    }
}
