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
}
