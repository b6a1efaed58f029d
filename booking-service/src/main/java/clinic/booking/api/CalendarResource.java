package clinic.booking.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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

import clinic.booking.api.AppointmentDtos.AppointmentView;
import clinic.booking.api.ClosureResource.ClosureView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.service.AppointmentRepository;
import clinic.booking.service.CalendarView;
import clinic.web.ProblemException;

/**
 * Everything a day or week calendar draws, in one answer: the appointments with their patients'
 * names, the clinic's closures and the practitioners' time off. One request per screen, however
 * many appointments it shows.
 */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "Booking, moving and the lifecycle of appointments; the calendar and its live changes")
public class CalendarResource {

    /** Longest range one calendar answer covers (a month and a bit, for a month view or a print). */
    static final int MAX_DAYS = 42;

    /** A patient as a calendar card names them: contact data only. */
    public record PatientName(UUID id, String firstName, String lastName, @Schema(nullable = true) String phone) {
    }

    /** A practitioner's time off within the range. */
    public record TimeOffEntry(UUID id, UUID practitionerId, OffsetDateTime start, OffsetDateTime end,
            @Schema(nullable = true) String reason) {
    }

    /** The calendar of clinic-local days from..to. */
    public record Calendar(LocalDate from, LocalDate to, List<AppointmentView> appointments, List<PatientName> patients,
            List<ClosureView> closures, List<TimeOffEntry> timeOff) {
    }

    @Inject
    CalendarView calendar;

    @Inject
    AppointmentViews views;

    @Inject
    ClinicConfig config;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Appointments (with patient names), closures and time off for clinic-local days (all roles)",
            description = "from and to are inclusive (to defaults to from), at most " + MAX_DAYS + " days. practitionerId "
                    + "and roomId narrow the appointments and the time off; cancelled and rejected appointments are included "
                    + "(the screens hide them unless asked).")
    @APIResponse(responseCode = "200", description = "The days' calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Calendar.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter, or a range that is too long")
    public Calendar calendar(@RestQuery String from, @RestQuery String to, @RestQuery String practitionerId,
            @RestQuery String roomId) {
        LocalDate first = QueryParams.requiredDate("from", from);
        LocalDate last = to == null || to.isBlank() ? first : QueryParams.optionalDate("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("to", "a calendar covers at most " + MAX_DAYS + " days");
        }
        ZoneId zone = config.timeZone();
        var read = calendar.read(new AppointmentRepository.Filter(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), QueryParams.optionalId("practitionerId", practitionerId),
                QueryParams.optionalId("roomId", roomId), null, null));
        return new Calendar(first, last, views.of(read.appointments()),
                read.patients().stream().map(p -> new PatientName(p.id, p.firstName, p.lastName, p.phone)).toList(),
                read.closures().stream().map(ClosureView::of).toList(),
                read.timeOff().stream().map(t -> new TimeOffEntry(t.id, t.practitionerId, t.startAt.atZone(zone).toOffsetDateTime(),
                        t.endAt.atZone(zone).toOffsetDateTime(), t.reason)).toList());
    }
}
