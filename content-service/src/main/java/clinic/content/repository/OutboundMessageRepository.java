package clinic.content.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Outgoing emails and the dispatcher's claim and bookkeeping queries. */
@ApplicationScoped
public class OutboundMessageRepository implements PanacheRepositoryBase<OutboundMessage, UUID> {

    /** In the order they fall due (planning order among equals). */
    public List<OutboundMessage> forAppointment(UUID appointmentId) {
        return list("appointmentId = ?1 order by dueAt, seq", appointmentId);
    }

    public boolean exists(UUID appointmentId, String step) {
        return count("appointmentId = ?1 and step = ?2", appointmentId, step) > 0;
    }

    /** Whether the patient may hold the appointment's calendar entry: an invitation may have reached them. */
    public boolean calendarMaybeDelivered(UUID appointmentId) {
        return count("appointmentId = ?1 and calendarMethod = 'REQUEST' and (maybeDelivered = true or status in ?2)",
                appointmentId, List.of(MessageStatus.SENDING, MessageStatus.SENT)) > 0;
    }

    /** Whether anything about the appointment may have reached the patient. */
    public boolean anyMaybeDelivered(UUID appointmentId) {
        return count("appointmentId = ?1 and (maybeDelivered = true or status in ?2)",
                appointmentId, List.of(MessageStatus.SENDING, MessageStatus.SENT)) > 0;
    }

    /**
     * Withdraws what has not gone out yet. Rows a dispatcher holds are SENDING (or locked and
     * about to be), and PostgreSQL re-checks the status after waiting on the lock, so a message
     * is never both withdrawn and sent.
     */
    public int cancelUnsent(UUID appointmentId, Collection<MessageKind> kinds, Instant now) {
        return update("status = ?1, updatedAt = ?2 where appointmentId = ?3 and kind in ?4 and status in ?5",
                MessageStatus.CANCELLED, now, appointmentId, kinds, MessageStatus.CLAIMABLE);
    }

    /**
     * Due messages that no other dispatcher holds and that are next in their appointment's order
     * (no earlier-planned message of it that is due is still on its way), locked until the
     * caller's transaction ends. SKIP LOCKED lets replicas claim side by side without waiting or
     * double-claiming; a row skipped because another replica holds it is still unsettled, so the
     * order holds across replicas too.
     */
    @SuppressWarnings("unchecked")
    public List<OutboundMessage> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbound_message m
                 WHERE m.status IN ('PENDING', 'FAILED_RETRYING', 'UNCERTAIN') AND m.next_attempt_at <= ?1
                   AND NOT EXISTS (SELECT 1 FROM outbound_message e
                                    WHERE e.appointment_id = m.appointment_id
                                      AND e.status IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN')
                                      AND e.seq < m.seq
                                      AND e.due_at <= ?1)
                 ORDER BY m.next_attempt_at, m.seq
                 LIMIT ?2
                   FOR UPDATE OF m SKIP LOCKED""", OutboundMessage.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Claims left SENDING longer than the lease: their process died mid-send. Sent again (same Message-ID). */
    public int releaseAbandonedClaims(Instant claimedBefore, Instant now) {
        return update("status = ?1, updatedAt = ?2, nextAttemptAt = ?2, maybeDelivered = true, lastError = ?3 "
                + "where status = ?4 and claimedAt < ?5",
                MessageStatus.UNCERTAIN, now, "claimed but never finished (process stopped while sending); sent again",
                MessageStatus.SENDING, claimedBefore);
    }

    /** Gives up on messages still on their way when their deadline passes. */
    public int dropOverdue(Instant now) {
        return update("status = ?1, updatedAt = ?2, lastError = coalesce(lastError || '; ', '') || ?3 "
                + "where status in ?4 and deadlineAt <= ?2",
                MessageStatus.DROPPED, now, "not delivered before its deadline", MessageStatus.CLAIMABLE);
    }

    /** SMTP works again: retries waiting out a backoff go now, in their order. */
    public int retryNow(Instant now) {
        return update("nextAttemptAt = ?1 where status in ?2 and nextAttemptAt > ?1",
                now, List.of(MessageStatus.FAILED_RETRYING, MessageStatus.UNCERTAIN));
    }

    public List<OutboundMessage> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** What staff should look at, most recently changed first. */
    public List<OutboundMessage> needingAttention(Collection<MessageStatus> statuses, int limit) {
        return find("status in ?1 order by updatedAt desc", statuses).page(0, limit).list();
    }

    /** Whether a message planned after this one for the same appointment may already have reached the patient. */
    public boolean laterMaybeDelivered(OutboundMessage m) {
        return count("appointmentId = ?1 and seq > ?2 and (maybeDelivered = true or status in ?3)",
                m.appointmentId, m.seq, List.of(MessageStatus.SENDING, MessageStatus.SENT)) > 0;
    }

    /**
     * The patient's messages that may still go out, now or when staff resend them, locked: a
     * correction readdresses them. Rows a dispatcher holds are SENDING and no longer match once the
     * lock is granted (PostgreSQL re-checks the condition).
     */
    public List<OutboundMessage> lockReaddressable(UUID patientId) {
        return find("patientId = ?1 and status in ?2 and subject is not null", patientId, MessageStatus.READDRESSABLE)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** A merged duplicate's messages now belong to the survivor. */
    public int moveToPatient(UUID duplicateId, UUID survivorId) {
        return update("patientId = ?1 where patientId = ?2", survivorId, duplicateId);
    }

    /**
     * An erased patient's messages: what was not yet sent is cancelled (a send under way finds its
     * claim gone and records nothing), and every message keeps only its delivery record (kind, step,
     * status, times), without recipient, content or notes.
     */
    public int erase(Collection<UUID> patientIds, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE outbound_message
                   SET status = CASE WHEN status IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN') THEN 'CANCELLED'
                                     ELSE status END,
                       recipient = NULL, subject = NULL, body_text = NULL, body_html = NULL, calendar = NULL,
                       unsubscribe_url = NULL, last_error = NULL, closed_note = NULL, erased_at = ?1, updated_at = ?1
                 WHERE patient_id IN (?2) AND erased_at IS NULL""")
                .setParameter(1, now).setParameter(2, patientIds).executeUpdate();
    }
}
