package clinic.booking.desk;

import static clinic.booking.remote.RemoteService.CONTENT;
import static clinic.booking.remote.RemoteService.SCREENING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.Patient;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.service.AppointmentRepository;
import clinic.booking.service.PatientSchedule;
import clinic.booking.service.PatientService;
import clinic.web.ProblemException;

/**
 * The front desk's questions to screening and content that booking only relays. Their refusals
 * (4xx problems) pass through unchanged; no answer is a 503 with Retry-After, never a made-up one.
 */
@ApplicationScoped
public class DeskClients {

    @Inject
    @RestClient
    ScreeningDeskApi screening;

    @Inject
    @RestClient
    ContentDeskApi content;

    @Inject
    PatientService patients;

    @Inject
    PatientSchedule schedules;

    @Inject
    AppointmentRepository appointments;

    /**
     * How each day from..to would go for the patient (or for the appointment being moved): outcome,
     * front-desk categories and the earliest eligible day, from the same rules as screening itself.
     */
    public JsonNode outlook(ProcedureCode procedure, LocalDate from, LocalDate to, UUID patientId, UUID appointmentId) {
        UUID patient = patientId;
        if (appointmentId != null) {
            Appointment moving = appointments.get(appointmentId);
            if (patientId != null && !patientId.equals(moving.patientId)) {
                throw ProblemException.badRequest("patientId", "the appointment being moved belongs to another patient");
            }
            patient = moving.patientId;
        }
        if (patient == null) {
            throw ProblemException.badRequest("patientId", "is required (or appointmentId)");
        }
        PatientSchedule.Snapshot schedule = schedules.snapshot(patient, "patientId", appointmentId);
        OutlookRequest request = new OutlookRequest(patient, appointmentId, procedure, from, to, schedule.others());
        return SCREENING.call("read a patient's outlook", () -> screening.outlook(request));
    }

    public JsonNode intakeStatus(UUID patientId) {
        patients.get(patientId);
        return SCREENING.call("read an intake's status", () -> screening.intakeStatus(patientId));
    }

    /**
     * Asks screening for a self-service intake link and content to e-mail it. The link goes from one
     * to the other and is not returned: the front desk needs to know it was sent, not what it is.
     */
    public InvitationSent invite(UUID patientId) {
        Patient patient = patients.get(patientId);
        JsonNode invitation = SCREENING.call("create an intake link", () -> screening.invite(new InvitationRequest(patientId)));
        UUID invitationId = UUID.fromString(invitation.path("invitationId").asText());
        OffsetDateTime expiresAt = OffsetDateTime.parse(invitation.path("expiresAt").asText());
        JsonNode mail = CONTENT.call("send the intake link", () -> content.mailInvitation(new InvitationMail(invitationId,
                patientId, patient.email, patient.firstName, invitation.path("link").asText(), expiresAt)));
        return new InvitationSent(invitationId, patientId, patient.email, expiresAt, mail.path("status").asText());
    }

    public JsonNode messages(UUID patientId) {
        patients.get(patientId);
        try {
            return CONTENT.call("read a patient's messages", () -> content.patientMessages(patientId));
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                return JsonNodeFactory.instance.arrayNode();
            }
            throw refused;
        }
    }
}
