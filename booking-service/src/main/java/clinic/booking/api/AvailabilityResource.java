package clinic.booking.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import clinic.booking.api.AppointmentDtos.SlotView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.service.AvailabilityService;

/** Free slots for a procedure over a date range. */
@Path("/api/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Free slots and how each day would go for a patient")
public class AvailabilityResource {

    @Inject
    AvailabilityService availability;

    @Inject
    ClinicConfig config;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Free slots (all roles)",
            description = "Dates are clinic-local and inclusive; at most 62 days. With patientId, only slots that "
                    + "patient could pass the interval rules for. With appointmentId (the appointment being moved), that "
                    + "appointment's own time and its own interval rules do not count against it, and the patient and "
                    + "procedure are its own.")
    @APIResponse(responseCode = "200", description = "Slots ordered by start: [{start, end, practitionerId, roomId}]")
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter, or a range over 62 days")
    @APIResponse(responseCode = "404", description = "No such appointment (appointmentId)")
    @APIResponse(responseCode = "422", description = "Unknown patient")
    @APIResponse(responseCode = "503", description = "With patientId: screening unavailable")
    public List<SlotView> slots(@RestQuery String procedure, @RestQuery String from, @RestQuery String to,
            @RestQuery String practitionerId, @RestQuery String patientId, @RestQuery String appointmentId) {
        var slots = availability.freeSlots(QueryParams.requiredProcedure("procedure", procedure),
                QueryParams.requiredDate("from", from), QueryParams.requiredDate("to", to),
                QueryParams.optionalId("practitionerId", practitionerId), QueryParams.optionalId("patientId", patientId),
                QueryParams.optionalId("appointmentId", appointmentId));
        // many slots share a start (every practitioner at 09:00): format each instant once, because
        // formatting date-times is most of the cost of a month-long answer, and share the text, so
        // that the serializer encodes it once too
        Map<Instant, String> formatted = new HashMap<>();
        Function<Instant, String> local = instant -> formatted.computeIfAbsent(instant,
                i -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(config.timeZone())));
        return slots.stream().map(s -> new SlotView(local.apply(s.start()), local.apply(s.end()), s.practitionerId(), s.roomId()))
                .toList();
    }
}
