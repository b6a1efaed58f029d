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

    public List<OutboundMessage> forAppointment(UUID appointmentId) {
        return list("appointmentId = ?1 order by dueAt, step", appointmentId);
    }

    /** The messages due most recently (latest first), all or only those in {@code statuses}: the admin's delivery view. */
    public List<OutboundMessage> recentlyDue(Collection<MessageStatus> statuses, int limit) {
        return (statuses.isEmpty() ? find("order by dueAt desc, id") : find("status in ?1 order by dueAt desc, id", statuses))
                .page(0, limit).list();
    }

    public boolean exists(UUID appointmentId, String step) {
        return count("appointmentId = ?1 and step = ?2", appointmentId, step) > 0;
    }

    public boolean anyOf(UUID appointmentId, Collection<MessageKind> kinds, Collection<MessageStatus> statuses) {
        return count("appointmentId = ?1 and kind in ?2 and status in ?3", appointmentId, kinds, statuses) > 0;
    }

    /**
     * Withdraws what has not gone out yet. Rows a dispatcher holds are SENDING (or locked and
     * about to be), and PostgreSQL re-checks the status after waiting on the lock, so a message
     * is never both cancelled and sent.
     */
    public int cancelUnsent(UUID appointmentId, Collection<MessageKind> kinds, Instant now) {
        return update("status = ?1, updatedAt = ?2 where appointmentId = ?3 and kind in ?4 and status in ?5",
                MessageStatus.CANCELLED, now, appointmentId, kinds, MessageStatus.CLAIMABLE);
    }

    /**
     * Due messages no other dispatcher holds, locked until the caller's transaction ends.
     * SKIP LOCKED lets several replicas claim side by side without waiting or double-claiming.
     */
    @SuppressWarnings("unchecked")
    public List<OutboundMessage> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbound_message
                 WHERE status IN ('PENDING', 'FAILED_RETRYING') AND next_attempt_at <= ?1
                 ORDER BY next_attempt_at, id
                 LIMIT ?2
                   FOR UPDATE SKIP LOCKED""", OutboundMessage.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Claims left SENDING longer than the lease: their process died mid-send. */
    public int markAbandonedClaimsUncertain(Instant claimedBefore, Instant now) {
        return update("status = ?1, updatedAt = ?2, lastError = ?3 where status = ?4 and claimedAt < ?5",
                MessageStatus.UNCERTAIN, now, "claimed but never finished (process stopped while sending)",
                MessageStatus.SENDING, claimedBefore);
    }
}
