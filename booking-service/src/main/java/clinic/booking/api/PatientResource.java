package clinic.booking.api;

import java.net.URI;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.api.AppointmentDtos.AppointmentView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.api.PatientDtos.ErasureReceipt;
import clinic.booking.api.PatientDtos.MergeReceipt;
import clinic.booking.api.PatientDtos.MergeRequest;
import clinic.booking.api.PatientDtos.PatientDetails;
import clinic.booking.api.PatientDtos.PatientView;
import clinic.booking.api.PatientDtos.SavedPatientView;
import clinic.booking.desk.DeskClients;
import clinic.booking.desk.InvitationSent;
import clinic.booking.domain.Patient;
import clinic.booking.screening.IntakeQuestionnaire;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.service.AppointmentRepository;
import clinic.booking.service.IdempotencyService;
import clinic.booking.service.IntakeService;
import clinic.booking.service.PatientEraser;
import clinic.booking.service.PatientMerger;
import clinic.booking.service.PatientService;
import io.quarkus.security.identity.SecurityIdentity;

/** Patients: registration, search, their appointments, and passing their intake to screening. */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Patients' contact data, their intake (kept by screening-service) and their messages")
public class PatientResource {

    @Inject
    PatientService patients;

    @Inject
    IntakeService intakes;

    @Inject
    ScreeningClient screening;

    @Inject
    IdempotencyService idempotency;

    @Inject
    SecurityIdentity identity;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AppointmentViews views;

    @Inject
    PatientMerger merger;

    @Inject
    PatientEraser eraser;

    @Inject
    ClinicConfig config;

    @Inject
    DeskClients desk;

    @POST
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Register a patient (roles: front-desk, admin)")
    @APIResponse(responseCode = "400", description = "Invalid field (problem+json naming it); a date of birth must be in the"
            + " past and at most 120 years ago")
    @APIResponse(responseCode = "409", description = "possible-duplicate-patient: a live record has this date of birth and the"
            + " same name (either order) or e-mail; `likelySame` lists them. Register again with differentPerson=true only"
            + " after checking that this is someone else.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the new patient. `sharesEmailWith` lists"
            + " the other records with this e-mail (allowed: families share inboxes, but the desk should confirm it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedPatientView.class)))
    public Response register(@Valid @NotNull PatientDetails body, @RestQuery boolean differentPerson,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        return idempotency.run(idempotencyKey, identity.getPrincipal().getName(),
                "POST /api/patients" + (differentPerson ? "?differentPerson=true" : ""), body, () -> {
            var patient = patients.register(body.details(), differentPerson);
            return Response.created(URI.create("/api/patients/" + patient.id)).entity(saved(patient)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Find patients by name (any order), e-mail, phone or date of birth (all roles)")
    public List<PatientView> search(@RestQuery String query) {
        return patients.search(query).stream().map(PatientView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "One patient (all roles)")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "200", description = "The patient",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientView.class)))
    public PatientView get(@RestPath UUID id) {
        return PatientView.of(patients.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.ADMIN })
    @Operation(summary = "Correct a patient's identity and contact details (roles: front-desk, admin)",
            description = "Replaces the details with the ones given. Messages not yet sent to the patient use the "
                    + "corrected first name and e-mail; the same details again change nothing. A changed date of birth "
                    + "must be at most 120 years ago.")
    @APIResponse(responseCode = "200", description = "The patient with the corrected details; `sharesEmailWith` lists the"
            + " other records with this e-mail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedPatientView.class)))
    @APIResponse(responseCode = "409", description = "possible-duplicate-patient: with these details the record matches"
            + " another live one (date of birth, and name or e-mail); `likelySame` lists them. One person's records are"
            + " merged by an admin; correct again with differentPerson=true only after checking that this is someone else.")
    public SavedPatientView correct(@RestPath UUID id, @Valid @NotNull PatientDetails body, @RestQuery boolean differentPerson) {
        return saved(patients.correct(id, body.details(), differentPerson));
    }

    private SavedPatientView saved(Patient patient) {
        return SavedPatientView.of(patient, patients.sharingEmailWith(patient));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Merge a duplicate record into this one (role: admin)",
            description = "The duplicate's appointments, intakes and messages follow to this record; the duplicate's id "
                    + "answers 410 from then on. This record's contact details are kept (correct them separately). Its "
                    + "upcoming appointments are screened again once screening has merged the intakes (rescreenDue until then).")
    @APIResponse(responseCode = "200", description = "Merged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MergeReceipt.class)))
    @APIResponse(responseCode = "409", description = "merge-appointments-overlap: both records have appointments still to"
            + " come at overlapping times (`clashes`); one of each pair is cancelled or moved first")
    public Response merge(@RestPath UUID id, @Valid @NotNull MergeRequest body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return idempotency.run(idempotencyKey, identity.getPrincipal().getName(), "POST /api/patients/" + id + "/merge", body,
                () -> Response.ok(MergeReceipt.of(merger.merge(id, body.duplicateId(), identity.getPrincipal().getName()), config.timeZone())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a patient on request (role: admin)",
            description = "Erases the contact details here and, through an event, the intakes not needed for the screening "
                    + "audit and the messages in the other services; appointments that ended are kept without anything "
                    + "identifying the patient. Refused while an appointment is still to happen. Erasing again answers "
                    + "the first erasure.")
    public ErasureReceipt erase(@RestPath UUID id) {
        return ErasureReceipt.of(eraser.erase(id, identity.getPrincipal().getName()), config.timeZone());
    }

    @GET
    @Path("/{id}/appointments")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "A patient's appointments, oldest first (all roles)")
    public List<AppointmentView> appointments(@RestPath UUID id) {
        patients.get(id);
        return views.of(appointments.ofPatient(id));
    }

    @GET
    @Path("/{id}/intake")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The latest intake answers, read from screening-service (clinicians only: screening refuses others with 403)")
    @APIResponse(responseCode = "403", description = "Not a clinician: the front desk sees outcome categories only")
    @APIResponse(responseCode = "404", description = "No intake recorded")
    @APIResponse(responseCode = "200", description = "The latest answers, as screening-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningIntake")))
    public JsonNode intake(@RestPath UUID id) {
        patients.get(id);
        return screening.intake(id);
    }

    @PUT
    @Path("/{id}/intake")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "Record the intake questionnaire (roles: front-desk, clinician)",
            description = "Stored by screening-service only; booking keeps none of it. The patient's upcoming "
                    + "appointments are screened again with the new answers: those screening could not answer for now "
                    + "stay rescreenDue (no check-in) and are retried until done. isotretinoin is NEVER, TAKING_NOW, "
                    + "STOPPED (with isotretinoinLastDose) or STOPPED_DATE_UNKNOWN (needs a clinician's review).")
    @APIResponse(responseCode = "200", description = "Stored; receipt and what re-screening did")
    @APIResponse(responseCode = "400", description = "Invalid answer (problem+json naming the field)")
    @APIResponse(responseCode = "503", description = "Screening unavailable; nothing stored; retry after the Retry-After delay")
    public IntakeService.Recorded recordIntake(@RestPath UUID id, @Valid @NotNull IntakeQuestionnaire intake) {
        return intakes.record(id, intake);
    }

    @GET
    @Path("/{id}/intake-status")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Whether the patient's intake is on file and until when it is valid, and any outstanding self-service link (all roles)",
            description = "From screening-service, without any answer: state NONE, VALID or EXPIRED, completedOn, validUntil, "
                    + "and the latest invitation (WAITING for the patient, RECEIVED, EXPIRED or REPLACED).")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "Screening unavailable")
    @APIResponse(responseCode = "200", description = "The intake state and the latest invitation, as screening-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScreeningIntakeStatus")))
    public JsonNode intakeStatus(@RestPath UUID id) {
        return desk.intakeStatus(id);
    }

    @POST
    @Path("/{id}/intake-invitations")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN })
    @Operation(summary = "E-mail the patient a signed, expiring link to fill in their intake themselves (roles: front-desk, clinician)",
            description = "screening-service makes the link (it works once, for this patient only, until it expires; an "
                    + "earlier link stops working) and content-service e-mails it. The answers go to screening only.")
    @APIResponse(responseCode = "201", description = "Link made and e-mail queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationSent.class)))
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "Screening or the message service unavailable; try again")
    public Response invite(@RestPath UUID id) {
        return Response.status(201).entity(desk.invite(id)).build();
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "Every message to the patient (appointments' and intake links) with its status, from content-service (all roles)")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "503", description = "Message service unavailable")
    @APIResponse(responseCode = "200", description = "The messages, newest first, as content-service answers them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentPatientMessages")))
    public JsonNode messages(@RestPath UUID id) {
        return desk.messages(id);
    }
}
