package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.repository.OutboundMessageRepository;
import clinic.web.ProblemException;
import clinic.web.tx.AfterCommit;
import io.quarkus.logging.Log;

/**
 * What staff do about a message that failed: send it again (same Message-ID, so a patient who did
 * get it sees one message), or close it by hand with a note. A resend never overtakes: a message
 * is not sent again once a later message of the same appointment may have reached the patient.
 */
@ApplicationScoped
public class MessageDesk {

    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final OutboundMessageRepository messages;
    private final DispatchConfig config;
    private final DispatchSignal dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public MessageDesk(OutboundMessageRepository messages, DispatchConfig config, DispatchSignal dispatcher,
            TransactionSynchronizationRegistry transactions, Clock clock) {
        this.messages = messages;
        this.config = config;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public OutboundMessage resend(UUID id, String by) {
        OutboundMessage m = locked(id);
        if (!MessageStatus.RESENDABLE.contains(m.status)) {
            throw ProblemException.conflict("message-not-resendable", "Not resendable",
                    "A message that is " + m.status + " cannot be sent again; only failed, dropped or retrying ones can.");
        }
        if (m.subject == null || m.recipient == null) {
            throw ProblemException.conflict("message-content-gone", "Nothing left to send",
                    "This message's content is no longer kept (the patient was erased, or it was purged after the retention period).");
        }
        if (messages.laterMaybeDelivered(m)) {
            throw ProblemException.conflict("message-superseded", "Superseded",
                    "A later message about this appointment has already gone to the patient; sending this one now "
                            + "would reach them out of order. Close it instead, or call the patient.");
        }
        Instant now = clock.instant();
        m.status = MessageStatus.PENDING;
        m.nextAttemptAt = now;
        if (m.deadlineAt.isBefore(now.plus(config.resendWindow()))) {
            m.deadlineAt = now.plus(config.resendWindow());
        }
        m.lastError = (m.lastError == null ? "" : m.lastError + "; ") + "sent again by " + by;
        m.updatedAt = now;
        Log.infof("Message %s sent again by staff", m.id);
        wakeDispatcherAfterCommit();
        return m;
    }

    @Transactional
    public OutboundMessage close(UUID id, String by, String note) {
        OutboundMessage m = locked(id);
        if (!MessageStatus.CLOSABLE.contains(m.status)) {
            throw ProblemException.conflict("message-not-closable", "Not closable",
                    "A message that is " + m.status + " cannot be closed; only failed, dropped or retrying ones can.");
        }
        Instant now = clock.instant();
        m.status = MessageStatus.CLOSED;
        m.closedBy = by;
        m.closedAt = now;
        m.closedNote = note.trim();
        m.updatedAt = now;
        Log.infof("Message %s closed by staff", m.id);
        return m;
    }

    private OutboundMessage locked(UUID id) {
        // a dispatcher holding the row has it SENDING: we wait for its outcome, then decide on that
        OutboundMessage m = messages.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("Message", id);
        }
        return m;
    }

    private void wakeDispatcherAfterCommit() {
        AfterCommit.run(transactions, WAKE_AFTER_COMMIT, dispatcher::wake);
    }
}
