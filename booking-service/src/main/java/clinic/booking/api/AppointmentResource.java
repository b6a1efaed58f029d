package clinic.booking.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.api.AppointmentDtos.AppointmentView;
import clinic.booking.api.AppointmentDtos.BookRequest;
import clinic.booking.api.AppointmentDtos.CancelRequest;
import clinic.booking.api.AppointmentDtos.RescheduleRequest;
import clinic.booking.api.AppointmentDtos.CompleteRequest;
import clinic.booking.config.ClinicConfig;
import clinic.booking.content.ContentClient;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.screening.ReviewRequest;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.service.AppointmentLifecycle;
import clinic.booking.service.AppointmentRepository;
import clinic.booking.service.BookingService;
import clinic.booking.service.IdempotencyService;
import clinic.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** Appointments: book through screening, move, cancel, check in, complete, review, list. */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "Booking, moving and the lifecycle of appointments; the calendar and its live changes")
public class AppointmentResource {

    @Inject
    BookingService booking;

    @Inject
    AppointmentLifecycle lifecycle;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AppointmentViews views;

    @Inject
    IdempotencyService idempotency;

    @Inject
    ContentClient content;

    @Inject
    ScreeningClient screening;

    @Inject
    SecurityIdentity identity;

    @Inject
    ClinicConfig config;

    @POST
    @RolesAllowed(Roles.FRONT_DESK)
    @Operation(summary = "Book an appointment (role: front-desk)",
            description = "Screened before anything is stored. CLEARED → CONFIRMED; NEEDS_REVIEW → PENDING_REVIEW "
                    + "(holds the slot until a clinician reviews it). Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Booked; body has status and the screening decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a start in the past (problem+json)")
    @APIResponse(responseCode = "409", description = "Slot taken (slot-taken), the patient already booked at that time (patient-already-booked), or the patient's schedule changed concurrently")
    @APIResponse(responseCode = "422", description = "Blocked by screening, intake needed, unknown patient, or outside working hours; carries the decision")
    @APIResponse(responseCode = "503", description = "Screening unavailable: nothing confirmed; Retry-After says when to try again")
    public Response book(@Valid @NotNull BookRequest body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments", body, () -> {
            var booked = booking.book(body.patientId(), body.procedure(), body.start(), body.practitionerId(), body.roomId());
            return Response.created(URI.create("/api/appointments/" + booked.appointment().id))
                    .entity(views.of(booked)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "List appointments by day or range, practitioner, room, patient or status (all roles)")
    public List<AppointmentView> list(@RestQuery String date, @RestQuery String from, @RestQuery String to,
            @RestQuery String practitionerId, @RestQuery String roomId, @RestQuery String patientId,
            @RestQuery String status) {
        LocalDate day = QueryParams.optionalDate("date", date);
        LocalDate first = day != null ? day : QueryParams.optionalDate("from", from);
        LocalDate last = day != null ? day : QueryParams.optionalDate("to", to);
        var filter = new AppointmentRepository.Filter(
                first == null ? null : first.atStartOfDay(zone()).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone()).toInstant(),
                QueryParams.optionalId("practitionerId", practitionerId), QueryParams.optionalId("roomId", roomId),
                QueryParams.optionalId("patientId", patientId), status == null || status.isBlank() ? null : parseStatus(status));
        return views.of(appointments.list(filter, 1000));
    }

    @GET
    @Path("/pending-review")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Appointments waiting for a clinician's review, soonest first (roles: clinician, admin)")
    public List<AppointmentView> pendingReview() {
        return views.of(appointments.list(new AppointmentRepository.Filter(null, null, null, null, null,
                AppointmentStatus.PENDING_REVIEW), 1000));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "One appointment (all roles)")
    @APIResponse(responseCode = "404", description = "No such appointment")
    @APIResponse(responseCode = "200", description = "The appointment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public AppointmentView get(@RestPath UUID id) {
        return views.of(appointments.get(id));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Move to another time; same id, screened again (roles: front-desk, clinician)")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "Slot taken (slot-taken), the patient already booked at that time (patient-already-booked), or not reschedulable in its status")
    @APIResponse(responseCode = "422", description = "Blocked by screening at the new time; the appointment is unchanged")
    @APIResponse(responseCode = "503", description = "Screening unavailable; the appointment is unchanged")
    public Response reschedule(@RestPath UUID id, @Valid @NotNull RescheduleRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/reschedule", body, () -> {
            var moved = booking.reschedule(id, body.start(), body.practitionerId(), body.roomId());
            return Response.ok(views.of(moved)).build();
        });
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Cancel with a reason code (roles: front-desk, clinician)")
    @APIResponse(responseCode = "409", description = "Not cancellable in its status")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public Response cancel(@RestPath UUID id, @Valid @NotNull CancelRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/cancel", body,
                () -> ok(lifecycle.cancel(id, body.reason())));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "The patient has arrived (roles: front-desk, clinician)",
            description = "Only a CONFIRMED appointment, only on its own day in the clinic's zone, and not while a "
                    + "re-screen is owed (rescreenDue).")
    @APIResponse(responseCode = "409", description = "Not possible in its status (illegal-transition), not its day "
            + "(not-the-appointments-day), or a re-screen is still owed (rescreen-pending)")
    @APIResponse(responseCode = "200", description = "Checked in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public Response checkIn(@RestPath UUID id, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/check-in", id, () -> ok(lifecycle.checkIn(id)));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The procedure is done; starts the aftercare timeline (role: clinician)",
            description = "Only after check-in and not before the start. The optional completedAt records when the "
                    + "procedure really ended (not in the future, not before the start); the aftercare is timed from it.")
    @APIResponse(responseCode = "400", description = "completedAt in the future or before the start")
    @APIResponse(responseCode = "409", description = "Not checked in (illegal-transition) or not started yet (appointment-not-started)")
    @APIResponse(responseCode = "200", description = "Completed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public Response complete(@RestPath UUID id, @Valid CompleteRequest body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        CompleteRequest request = body == null ? new CompleteRequest(null) : body;
        return once(idempotencyKey, "POST /api/appointments/" + id + "/complete", request, () -> ok(lifecycle.complete(id,
                request.completedAt() == null ? null : request.completedAt().toInstant())));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "The patient did not come (roles: front-desk, clinician)", description = "Only once the appointment has started.")
    @APIResponse(responseCode = "409", description = "Not possible in its status, the patient was checked in (patient-arrived), or not started yet (appointment-not-started)")
    @APIResponse(responseCode = "200", description = "Marked as a no-show",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public Response noShow(@RestPath UUID id, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/no-show", id, () -> ok(lifecycle.noShow(id)));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Approve (confirm) or deny (reject) the decision you read (role: clinician)",
            description = "decisionId names the decision reviewed. Repeating the same verdict on the same decision "
                    + "returns the appointment as the first verdict left it.")
    @APIResponse(responseCode = "409", description = "decision-replaced (carries currentDecisionId): the appointment "
            + "rests on another decision now; review-not-allowed: already reviewed otherwise; illegal-transition: not "
            + "waiting for review; rescreen-pending: the intake or policy changed and it is being screened again")
    @APIResponse(responseCode = "503", description = "Screening unavailable; nothing changed")
    @APIResponse(responseCode = "200", description = "Confirmed or rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    public Response review(@RestPath UUID id, @Valid @NotNull ReviewRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/review", body, () -> ok(lifecycle.review(id, body)));
    }

    @GET
    @Path("/{id}/screening")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The screening decision behind the appointment, as screening-service shows it to your role "
            + "(clinicians see rule ids and the clinical detail; others the categories only)")
    @APIResponse(responseCode = "404", description = "No such appointment, or it has no decision")
    @APIResponse(responseCode = "503", description = "Screening unavailable")
    @APIResponse(responseCode = "200", description = "The decision, as screening-service shows it to your role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningDecision")))
    public JsonNode screeningDecision(@RestPath UUID id) {
        Appointment appointment = appointments.get(id);
        if (appointment.screeningDecisionId == null) {
            throw ProblemException.notFound("Screening decision for appointment", id);
        }
        return screening.decision(appointment.screeningDecisionId);
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The appointment's confirmation and aftercare messages with their status, from content-service (all roles)")
    @APIResponse(responseCode = "503", description = "content-service unavailable")
    @APIResponse(responseCode = "200", description = "The messages, as content-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentAppointmentMessages")))
    public JsonNode messages(@RestPath UUID id) {
        appointments.get(id);
        return content.messages(id);
    }

    private Response once(String key, String operation, Object body, Supplier<Response> action) {
        return idempotency.run(key, identity.getPrincipal().getName(), operation, body, action);
    }

    private Response ok(Appointment appointment) {
        return Response.ok(views.of(appointment)).build();
    }

    private ZoneId zone() {
        return config.timeZone();
    }

    private static AppointmentStatus parseStatus(String value) {
        try {
            return AppointmentStatus.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (AppointmentStatus s : AppointmentStatus.values()) {
                known.add(s.name());
            }
            throw ProblemException.badRequest("status", "\"" + value + "\" is not one of " + known);
        }
    }
}
