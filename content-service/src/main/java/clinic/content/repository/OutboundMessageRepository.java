package clinic.content.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.mail.MailGateway;
import clinic.web.sql.PlainSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Outgoing emails and the dispatcher's claim and bookkeeping queries. */
@ApplicationScoped
public class OutboundMessageRepository implements PanacheRepositoryBase<OutboundMessage, UUID> {

    @Inject
    DataSource dataSource;

    /**
     * Inserts a newly planned message, every mapped column as the object holds it ({@code seq} comes
     * from the database), with one plain statement on the transaction's connection. Not
     * {@code persist()}: three messages are planned for every confirmed booking, and Hibernate's
     * insert actions at the flush were a fifth of an event's CPU (JFR, deploy/local/benchmark). The
     * object stays unmanaged; nothing changes it after planning. {@code OutboundMessageInsertTest}
     * checks that every mapped field survives the round trip.
     */
    public void insert(OutboundMessage m) {
        PlainSql.update(dataSource, """
                INSERT INTO outbound_message (id, appointment_id, patient_id, kind, step, essential, recipient, subject,
                       body_text, body_html, calendar, calendar_method, unsubscribe_url, message_id, due_at, deadline_at,
                       status, attempts, next_attempt_at, claimed_at, sent_at, maybe_delivered, closed_by, closed_at,
                       closed_note, last_error, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id, m.appointmentId, m.patientId, m.kind.name(), m.step, m.essential, m.recipient, m.subject,
                m.bodyText, m.bodyHtml, m.calendar, m.calendarMethod, m.unsubscribeUrl, m.messageId, m.dueAt, m.deadlineAt,
                m.status.name(), m.attempts, m.nextAttemptAt, m.claimedAt, m.sentAt, m.maybeDelivered, m.closedBy, m.closedAt,
                m.closedNote, m.lastError, m.createdAt, m.updatedAt);
    }

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

    /** A message a claim took: SENDING (to send now, with its attempt number) or SKIPPED (opted out). */
    public record Claim(UUID id, MessageStatus status, int attempt, MessageKind kind, MailGateway.Envelope envelope) {
    }

    /**
     * Claims due messages that no other dispatcher holds and that are next in their appointment's
     * order (no earlier-planned message of it that is due is still on its way), in one statement:
     * each becomes SENDING with its next attempt number, or SKIPPED when it is not essential and its
     * patient opted out. SKIP LOCKED lets replicas claim side by side without waiting or
     * double-claiming; a row skipped because another replica holds it is still unsettled, so the
     * order holds across replicas too. Plain SQL for the same reason as {@link #recordSent}.
     */
    public List<Claim> claimDue(Instant now, int limit) {
        // Planned for its parameters every time, never from a cached generic plan: a generic plan made
        // while the table was small (a new clinic, the first minutes after a bulk of bookings, before
        // autoanalyze) checks "an earlier message still on its way" with a sequential scan of the whole
        // table for every due message, 1.4 ms a claim at 7,000 messages and growing (50 ms at 9,000 in
        // a psql reproduction). Planning costs 0.5-1 ms (pg_stat_statements with its planning), which
        // is why the dispatcher gathers messages for a claim (content.dispatch.gather); the setting
        // ends with the claim's transaction.
        PlainSql.update(dataSource, "SET LOCAL plan_cache_mode = force_custom_plan");
        return PlainSql.list(dataSource, """
                WITH due AS (
                    SELECT m.id, NOT m.essential AND EXISTS (SELECT 1 FROM opt_out o WHERE o.patient_id = m.patient_id) AS skip
                      FROM outbound_message m
                     WHERE m.status IN %1$s AND m.next_attempt_at <= ?
                       AND NOT EXISTS (SELECT 1 FROM outbound_message e
                                        WHERE e.appointment_id = m.appointment_id
                                          AND e.status IN %2$s
                                          AND e.seq < m.seq
                                          AND e.due_at <= ?)
                     ORDER BY m.next_attempt_at, m.seq
                     LIMIT ?
                       FOR UPDATE OF m SKIP LOCKED)
                UPDATE outbound_message m
                   SET status = CASE WHEN due.skip THEN 'SKIPPED' ELSE 'SENDING' END,
                       claimed_at = CASE WHEN due.skip THEN m.claimed_at ELSE ? END,
                       attempts = m.attempts + CASE WHEN due.skip THEN 0 ELSE 1 END,
                       updated_at = ?
                  FROM due WHERE m.id = due.id
                RETURNING m.id, m.status, m.attempts, m.kind, m.recipient, m.subject, m.body_text, m.body_html, m.calendar,
                          m.calendar_method, m.message_id, m.unsubscribe_url""".formatted(MessageStatus.CLAIMABLE_SQL,
                        MessageStatus.UNSETTLED_SQL),
                row -> new Claim(row.getObject(1, UUID.class), MessageStatus.valueOf(row.getString(2)), row.getInt(3),
                        MessageKind.valueOf(row.getString(4)), new MailGateway.Envelope(row.getString(5), row.getString(6),
                                row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                                row.getString(12))),
                now, now, limit, now, now);
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

    /**
     * Records a proven delivery: of the claim that sent it ({@code attempt}), or of a message the
     * sweep took back meanwhile and that is still waiting to go (a delivery still counts). Answers
     * the new status, or nothing when the message is in neither state (withdrawn, erased, already
     * settled). Plain SQL, like the other outcomes below: these run for every message sent, and
     * loading whole messages (bodies and calendar) to change a few columns, as claim and record did,
     * was a fifth of content-service's CPU (JFR, deploy/local/benchmark).
     */
    public Optional<MessageStatus> recordSent(UUID id, int attempt, Instant now) {
        return PlainSql.first(dataSource, """
                UPDATE outbound_message SET status = 'SENT', sent_at = ?, updated_at = ?, maybe_delivered = true, last_error = NULL
                 WHERE id = ? AND ((status = 'SENDING' AND attempts = ?) OR status IN %s)
                RETURNING status""".formatted(MessageStatus.CLAIMABLE_SQL),
                row -> MessageStatus.valueOf(row.getString(1)), now, now, id, attempt);
    }

    /**
     * Records a failed attempt of the claim that made it ({@code attempt}); a claim the sweep took
     * back is no longer this attempt's to record. {@code nextAttemptAt} null keeps the message's
     * own; {@code maybeDelivered} only ever raises the flag. Answers the new status, if recorded.
     */
    public Optional<MessageStatus> recordFailure(UUID id, int attempt, MessageStatus status, String error,
            Instant nextAttemptAt, boolean maybeDelivered, Instant now) {
        return PlainSql.first(dataSource, """
                UPDATE outbound_message SET status = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
                       maybe_delivered = maybe_delivered OR ?, updated_at = ?
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?
                RETURNING status""",
                row -> MessageStatus.valueOf(row.getString(1)), status.name(), error, nextAttemptAt, maybeDelivered, now, id,
                attempt);
    }

    /** The messages' statuses as they are now (absent: no such message). */
    public Map<UUID, MessageStatus> statuses(Collection<UUID> ids) {
        Map<UUID, MessageStatus> statuses = new HashMap<>();
        if (!ids.isEmpty()) {
            PlainSql.list(dataSource, "SELECT id, status FROM outbound_message WHERE id = ANY (?)",
                    row -> statuses.put(row.getObject(1, UUID.class), MessageStatus.valueOf(row.getString(2))),
                    (Object) ids.toArray(UUID[]::new));
        }
        return statuses;
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
                   SET status = CASE WHEN status IN %s THEN 'CANCELLED' ELSE status END,
                       recipient = NULL, subject = NULL, body_text = NULL, body_html = NULL, calendar = NULL,
                       unsubscribe_url = NULL, last_error = NULL, closed_note = NULL, erased_at = ?1, updated_at = ?1
                 WHERE patient_id IN (?2) AND erased_at IS NULL""".formatted(MessageStatus.UNSETTLED_SQL))
                .setParameter(1, now).setParameter(2, patientIds).executeUpdate();
    }
}
