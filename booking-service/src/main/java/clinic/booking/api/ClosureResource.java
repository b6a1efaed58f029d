package clinic.booking.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import clinic.booking.api.AppointmentDtos.AppointmentView;
import clinic.booking.domain.Closure;
import clinic.booking.service.ClosureService;
import io.quarkus.security.identity.SecurityIdentity;

/** Clinic closures and holidays: whole days on which no time is offered. Readable by every role, changed by admins. */
@Path("/api/closures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Procedures, rooms, practitioners, their hours and time off, and clinic closures")
public class ClosureResource {

    /** A closure to add: clinic-local days, both inclusive (lastDay defaults to firstDay). */
    public record NewClosure(@NotNull LocalDate firstDay, LocalDate lastDay, @NotBlank @Size(max = 200) String reason) {
    }

    /** A closure as stored. */
    public record ClosureView(UUID id, LocalDate firstDay, LocalDate lastDay, String reason, String createdBy) {

        static ClosureView of(Closure c) {
            return new ClosureView(c.id, c.firstDay, c.lastDay, c.reason, c.createdBy);
        }
    }

    /** The new closure and the appointments booked in it, which the front desk must move or cancel. */
    public record Added(ClosureView closure, List<AppointmentView> affected) {
    }

    @Inject
    ClosureService closures;

    @Inject
    AppointmentViews views;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Closures overlapping the clinic-local days from..to (both optional), first first (all roles)")
    public List<ClosureView> list(@RestQuery String from, @RestQuery String to) {
        return closures.list(QueryParams.optionalDate("from", from), QueryParams.optionalDate("to", to)).stream()
                .map(ClosureView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close the clinic on whole days (role: admin)",
            description = "No slot is offered on those days and bookings or moves into them are refused (422 clinic-closed). "
                    + "Appointments already booked there are left as they are and listed in the answer, for the front desk "
                    + "to move or cancel with the patient.")
    @APIResponse(responseCode = "201", description = "Closed; body has the closure and the appointments booked in it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Added.class)))
    @APIResponse(responseCode = "400", description = "Invalid days (problem+json naming the field)")
    public Response add(@Valid @NotNull NewClosure body) {
        var added = closures.add(body.firstDay(), body.lastDay(), body.reason(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/closures/" + added.closure().id))
                .entity(new Added(ClosureView.of(added.closure()), views.of(added.affected()))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open the clinic again on a closure's days (role: admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such closure")
    public Response remove(@RestPath UUID id) {
        closures.remove(id);
        return Response.noContent().build();
    }
}
