package clinic.booking.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import clinic.booking.api.AppointmentDtos.ScreeningView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.content.ContentClient;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.screening.ReviewRequest;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.service.AppointmentLifecycle;
import clinic.booking.service.AppointmentStore;
import clinic.booking.service.BookingService;
import clinic.booking.service.IdempotencyService;
import clinic.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** Appointments: book through screening, move, cancel, check in, complete, review, list. */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentResource {

    @Inject
    BookingService booking;

    @Inject
    AppointmentLifecycle lifecycle;

    @Inject
    AppointmentStore store;

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
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Book an appointment (roles: front-desk, admin)",
            description = "Screened before anything is stored. CLEARED → CONFIRMED; NEEDS_REVIEW → PENDING_REVIEW "
                    + "(holds the slot until a clinician reviews it). Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Booked; body has status and the screening decision")
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a start in the past (problem+json)")
    @APIResponse(responseCode = "409", description = "Slot taken, or the patient's schedule changed concurrently")
    @APIResponse(responseCode = "422", description = "Blocked by screening, intake needed, unknown patient, or outside working hours; carries the decision")
    @APIResponse(responseCode = "503", description = "Screening unavailable: nothing confirmed; Retry-After says when to try again")
    public Response book(@Valid @NotNull BookRequest body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments", body, () -> {
            var booked = booking.book(body.patientId(), body.procedure(), body.start(), body.practitionerId(), body.roomId());
            return Response.created(URI.create("/api/appointments/" + booked.appointment().id))
                    .entity(AppointmentView.of(booked.appointment(), ScreeningView.of(booked.decision()), zone())).build();
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
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (first != null) {
            query.append(" and startAt >= :from");
            params.put("from", first.atStartOfDay(zone()).toInstant());
        }
        if (last != null) {
            query.append(" and startAt < :to");
            params.put("to", last.plusDays(1).atStartOfDay(zone()).toInstant());
        }
        addId(query, params, "practitionerId", practitionerId);
        addId(query, params, "roomId", roomId);
        addId(query, params, "patientId", patientId);
        if (status != null && !status.isBlank()) {
            query.append(" and status = :status");
            params.put("status", parseStatus(status));
        }
        return Appointment.<Appointment>find(query + " order by startAt", params).page(0, 1000).list().stream()
                .map(a -> AppointmentView.of(a, zone())).toList();
    }

    @GET
    @Path("/pending-review")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Appointments waiting for a clinician's review, soonest first (roles: clinician, admin)")
    public List<AppointmentView> pendingReview() {
        return Appointment.<Appointment>list("status = ?1 order by startAt", AppointmentStatus.PENDING_REVIEW).stream()
                .map(a -> AppointmentView.of(a, zone())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "One appointment (all roles)")
    @APIResponse(responseCode = "404", description = "No such appointment")
    public AppointmentView get(@RestPath UUID id) {
        return AppointmentView.of(store.get(id), zone());
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Move to another time; same id, screened again (roles: front-desk, clinician)")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "409", description = "Slot taken, or not reschedulable in its status")
    @APIResponse(responseCode = "422", description = "Blocked by screening at the new time; the appointment is unchanged")
    @APIResponse(responseCode = "503", description = "Screening unavailable; the appointment is unchanged")
    public Response reschedule(@RestPath UUID id, @Valid @NotNull RescheduleRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/reschedule", body, () -> {
            var moved = booking.reschedule(id, body.start(), body.practitionerId(), body.roomId());
            return Response.ok(AppointmentView.of(moved.appointment(), ScreeningView.of(moved.decision()), zone())).build();
        });
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Cancel with a reason code (roles: front-desk, clinician)")
    @APIResponse(responseCode = "409", description = "Not cancellable in its status")
    public Response cancel(@RestPath UUID id, @Valid @NotNull CancelRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/cancel", body,
                () -> ok(lifecycle.cancel(id, body.reason())));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "The patient has arrived (roles: front-desk, clinician)")
    @APIResponse(responseCode = "409", description = "Not possible in its status")
    public Response checkIn(@RestPath UUID id, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/check-in", id, () -> ok(lifecycle.checkIn(id)));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "The procedure is done; starts the aftercare timeline (role: clinician)")
    @APIResponse(responseCode = "409", description = "Not possible in its status")
    public Response complete(@RestPath UUID id, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/complete", id, () -> ok(lifecycle.complete(id)));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "The patient did not come (roles: front-desk, clinician)")
    @APIResponse(responseCode = "409", description = "Not possible in its status")
    public Response noShow(@RestPath UUID id, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/no-show", id, () -> ok(lifecycle.noShow(id)));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Approve (confirm) or deny (reject) an appointment waiting for review (role: clinician)")
    @APIResponse(responseCode = "409", description = "Not waiting for review, or moved or screened again during the review (review the current decision)")
    @APIResponse(responseCode = "503", description = "Screening unavailable; nothing changed")
    public Response review(@RestPath UUID id, @Valid @NotNull ReviewRequest body,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return once(idempotencyKey, "POST /api/appointments/" + id + "/review", body, () -> ok(lifecycle.review(id, body)));
    }

    @GET
    @Path("/{id}/screening")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The screening decision behind the appointment, as screening-service shows it to your role "
            + "(clinicians see the clinical detail; others the categories only)")
    @APIResponse(responseCode = "404", description = "No such appointment, or it has no decision")
    @APIResponse(responseCode = "503", description = "Screening unavailable")
    public JsonNode screeningDecision(@RestPath UUID id) {
        Appointment appointment = store.get(id);
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
    public JsonNode messages(@RestPath UUID id) {
        store.get(id);
        return content.messages(id);
    }

    private Response once(String key, String operation, Object body, Supplier<Response> action) {
        return idempotency.run(key, identity.getPrincipal().getName(), operation, body, action);
    }

    private Response ok(Appointment appointment) {
        return Response.ok(AppointmentView.of(appointment, zone())).build();
    }

    private ZoneId zone() {
        return config.timeZone();
    }

    private static void addId(StringBuilder query, Map<String, Object> params, String name, String value) {
        UUID id = QueryParams.optionalId(name, value);
        if (id != null) {
            query.append(" and ").append(name).append(" = :").append(name);
            params.put(name, id);
        }
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
