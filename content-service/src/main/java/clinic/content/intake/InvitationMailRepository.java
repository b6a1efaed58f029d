package clinic.content.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Intake link e-mails and their sender's claim queries. */
@ApplicationScoped
public class InvitationMailRepository implements PanacheRepositoryBase<InvitationMail, UUID> {

    public List<InvitationMail> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by createdAt", patientId);
    }

    /** The next due e-mail no other replica holds, locked until the caller's transaction ends. */
    public Optional<InvitationMail> lockNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<InvitationMail> due = getEntityManager().createNativeQuery("""
                SELECT * FROM intake_invitation_mail
                 WHERE status IN ('PENDING', 'FAILED_RETRYING') AND next_attempt_at <= ?1
                 ORDER BY next_attempt_at, invitation_id
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED""", InvitationMail.class).setParameter(1, now).getResultList();
        return due.stream().findFirst();
    }

    /** E-mails left SENDING longer than the lease: their process stopped mid-send. */
    public int markAbandonedUncertain(Instant claimedBefore, Instant now) {
        return update("status = ?1, link = null, updatedAt = ?2, lastError = ?3 where status = ?4 and claimedAt < ?5",
                InvitationMail.Status.UNCERTAIN, now, "claimed but never finished (process stopped while sending)",
                InvitationMail.Status.SENDING, claimedBefore);
    }

    /** Intake link e-mails not yet sent go to the patient's corrected name and address (rendered when sent). */
    public int readdress(UUID patientId, String firstName, String email, Instant now) {
        return update("recipient = ?1, firstName = ?2, updatedAt = ?3 where patientId = ?4 and status in ?5", email, firstName, now,
                patientId, List.of(InvitationMail.Status.PENDING, InvitationMail.Status.FAILED_RETRYING));
    }

    /** A merged duplicate's intake link e-mails now belong to the survivor. */
    public int moveToPatient(UUID duplicateId, UUID survivorId) {
        return update("patientId = ?1 where patientId = ?2", survivorId, duplicateId);
    }

    /** An erased patient's: those not yet sent are cancelled; none keeps the address, name, link or error. */
    public int erase(java.util.Collection<UUID> patientIds, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE intake_invitation_mail
                   SET status = CASE WHEN status IN ('PENDING', 'SENDING', 'FAILED_RETRYING') THEN 'CANCELLED' ELSE status END,
                       recipient = NULL, first_name = NULL, link = NULL, last_error = NULL, erased_at = ?1, updated_at = ?1
                 WHERE patient_id IN (?2) AND erased_at IS NULL""")
                .setParameter(1, now).setParameter(2, patientIds).executeUpdate();
    }
}
