package clinic.content.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Every message to one patient, for the front desk's patient page: their appointments' messages and their intake links. */
@Path("/api/patients/{patientId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intake links", description = "E-mails that carry a patient's self-service intake link")
public class PatientMessagesResource {

    /** One message: kind, the appointment it is about (none for an intake link), subject and delivery state. */
    public record PatientMessage(String kind, @Schema(nullable = true) String step,
            @Schema(nullable = true) UUID appointmentId, @Schema(nullable = true) String subject, String status,
            @Schema(nullable = true) Instant dueAt,
            @Schema(nullable = true) Instant sentAt, int attempts) {
    }

    private final EntityManager em;
    private final InvitationMailRepository invitations;
    private final InvitationMailRenderer invitationMail;

    public PatientMessagesResource(EntityManager em, InvitationMailRepository invitations, InvitationMailRenderer invitationMail) {
        this.em = em;
        this.invitations = invitations;
        this.invitationMail = invitationMail;
    }

    @GET
    @Transactional
    @RolesAllowed({ "front-desk", "clinician", "admin" })
    @Operation(summary = "Every message to the patient with its status, oldest first (all roles)")
    public List<PatientMessage> list(@PathParam("patientId") UUID patient) {
        List<PatientMessage> all = new ArrayList<>();
        // plain columns of the appointment messages (this read leaves their entity to the dispatcher's code)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT kind, step, appointment_id, subject, status, due_at, sent_at, attempts
                  FROM outbound_message WHERE patient_id = ?1""").setParameter(1, patient).getResultList();
        for (Object[] row : rows) {
            all.add(new PatientMessage((String) row[0], (String) row[1], (UUID) row[2], (String) row[3], (String) row[4],
                    instant(row[5]), instant(row[6]), ((Number) row[7]).intValue()));
        }
        for (InvitationMail mail : invitations.ofPatient(patient)) {
            all.add(new PatientMessage("INTAKE_LINK", "INTAKE-LINK", null, invitationMail.subject(),
                    mail.status.name(), mail.createdAt, mail.sentAt, mail.attempts));
        }
        all.sort(Comparator.comparing(PatientMessage::dueAt));
        return all;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }
}
