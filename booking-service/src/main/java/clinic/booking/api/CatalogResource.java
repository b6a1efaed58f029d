package clinic.booking.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import clinic.booking.api.CatalogDtos.HoursBlock;
import clinic.booking.api.CatalogDtos.PractitionerView;
import clinic.booking.api.CatalogDtos.ProcedureView;
import clinic.booking.api.CatalogDtos.RoomView;
import clinic.booking.api.CatalogDtos.TimeOffView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Room;
import clinic.booking.domain.TimeOff;
import clinic.booking.service.CatalogAdmin;
import clinic.booking.service.PractitionerTimeOff;
import clinic.web.ProblemException;

/** What the clinic offers and who works when: readable by every role, changed by admins. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Procedures, rooms, practitioners, their hours and time off, and clinic closures")
public class CatalogResource {

    @Inject
    CatalogAdmin admin;

    @Inject
    PractitionerTimeOff timeOff;

    @Inject
    ClinicConfig config;

    @GET
    @Path("/procedures")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Procedures with duration, buffer and room type (all roles)")
    public List<ProcedureView> procedures() {
        return ProcedureType.<ProcedureType>listAll().stream().map(CatalogResource::view).toList();
    }

    @PUT
    @Path("/procedures/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a procedure's duration, buffer and room type (role: admin)",
            description = "A procedure is booked into a free room of its type, so the room type must be one that some room "
                    + "(in use or not) has; otherwise 400 names roomType and lists the rooms' types.")
    public ProcedureView saveProcedure(@RestPath ProcedureCode code, @Valid @NotNull ProcedureView body) {
        samePath("code", body.code(), code);
        return view(admin.saveProcedure(code, body));
    }

    @GET
    @Path("/rooms")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Rooms and device stations (all roles)")
    public List<RoomView> rooms() {
        return Room.<Room>list("order by name").stream().map(CatalogResource::view).toList();
    }

    @POST
    @Path("/rooms")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a room (role: admin)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoomView.class)))
    public Response addRoom(@Valid @NotNull RoomView body) {
        noId(body.id());
        return Response.status(201).entity(view(admin.saveRoom(null, body))).build();
    }

    @PUT
    @Path("/rooms/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change or deactivate a room (role: admin)")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "409", description = "still-booked: the room has appointments still to come (`appointments`);"
            + " it stays in use until they are moved or cancelled")
    public RoomView saveRoom(@RestPath UUID id, @Valid @NotNull RoomView body) {
        samePath("id", body.id(), id);
        return view(admin.saveRoom(id, body));
    }

    @GET
    @Path("/practitioners")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Practitioners with weekly hours in the clinic's zone (all roles)")
    public List<PractitionerView> practitioners() {
        return Practitioner.<Practitioner>find("select distinct p from Practitioner p left join fetch p.weeklyHours order by p.name")
                .list().stream().map(CatalogResource::view).toList();
    }

    @POST
    @Path("/practitioners")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a practitioner with weekly hours (role: admin)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    public Response addPractitioner(@Valid @NotNull PractitionerView body) {
        noId(body.id());
        return Response.status(201).entity(view(admin.savePractitioner(null, body))).build();
    }

    @PUT
    @Path("/practitioners/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a practitioner's name, hours or active flag (role: admin)",
            description = "A day's working blocks may not overlap, and a break must lie within a working block of its day.")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "409", description = "still-booked: the practitioner has appointments still to come"
            + " (`appointments`); they stay in use until those are moved or cancelled. outside-new-hours: the new hours"
            + " would leave appointments still to come outside them (`appointments`); nothing is changed until those are"
            + " moved or cancelled")
    public PractitionerView savePractitioner(@RestPath UUID id, @Valid @NotNull PractitionerView body) {
        samePath("id", body.id(), id);
        return view(admin.savePractitioner(id, body));
    }

    @GET
    @Path("/practitioners/{id}/time-off")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "A practitioner's time off (all roles)")
    public List<TimeOffView> timeOff(@RestPath UUID id) {
        return TimeOff.<TimeOff>list("practitionerId = ?1 order by startAt", id).stream().map(this::view).toList();
    }

    @POST
    @Path("/practitioners/{id}/time-off")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add time off; no slots are offered in it (role: admin)",
            description = "Bookings and moves with the practitioner into it are refused (422 practitioner-away). Appointments "
                    + "already booked in it are left as they are, each with an AppointmentPractitionerAway event, for the "
                    + "front desk to move or cancel with the patient. Time off that has already ended is refused (400 naming"
                    + " `end`).")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeOffView.class)))
    public Response addTimeOff(@RestPath UUID id, @Valid @NotNull TimeOffView body) {
        noId(body.id());
        return Response.status(201).entity(view(timeOff.add(id, body))).build();
    }

    @DELETE
    @Path("/practitioners/{id}/time-off/{timeOffId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove time off (role: admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeTimeOff(@RestPath UUID id, @RestPath UUID timeOffId) {
        timeOff.remove(id, timeOffId);
        return Response.noContent().build();
    }

    /** What the path names is what is changed: a body naming something else is a mistake, not ignored. */
    private static <T> void samePath(String field, T inBody, T inPath) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw ProblemException.badRequest(field, "does not match the address (" + inPath + "); leave it out or make it the same");
        }
    }

    /** A new entry's id is the clinic's to give: one sent would be ignored, so it is refused instead. */
    private static void noId(UUID id) {
        if (id != null) {
            throw ProblemException.badRequest("id", "is given by the clinic; leave it out");
        }
    }

    private static ProcedureView view(ProcedureType p) {
        return new ProcedureView(p.code, p.name, p.durationMinutes, p.bufferAfterMinutes, p.roomType);
    }

    private static RoomView view(Room r) {
        return new RoomView(r.id, r.name, r.roomType, r.active);
    }

    private static PractitionerView view(Practitioner p) {
        return new PractitionerView(p.id, p.name, p.active, p.weeklyHours.stream()
                .sorted(java.util.Comparator.comparingInt((clinic.booking.domain.WorkingHours h) -> h.dayOfWeek).thenComparing(h -> h.startTime))
                .map(h -> new HoursBlock(h.dayOfWeek, h.startTime, h.endTime, h.kind)).toList());
    }

    private TimeOffView view(TimeOff t) {
        return new TimeOffView(t.id, t.startAt.atZone(config.timeZone()).toOffsetDateTime(),
                t.endAt.atZone(config.timeZone()).toOffsetDateTime(), t.reason);
    }
}
