package clinic.content.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.mail.MailGateway;
import clinic.content.repository.OptOutRepository;
import clinic.content.repository.OutboundMessageRepository;

/**
 * The dispatcher's short transactions. Each state change commits on its own so that a crash at
 * any point leaves a row that says what we know: PENDING (never tried), SENDING (tried, outcome
 * unknown: becomes UNCERTAIN after the lease), or the recorded outcome.
 */
@ApplicationScoped
public class DispatchService {

    /** A claimed message, detached from the transaction that claimed it. */
    public record Claimed(UUID id, int attempt, MailGateway.Envelope envelope) {
    }

    private final OutboundMessageRepository messages;
    private final OptOutRepository optOuts;
    private final DispatchConfig config;
    private final Clock clock;

    public DispatchService(OutboundMessageRepository messages, OptOutRepository optOuts, DispatchConfig config, Clock clock) {
        this.messages = messages;
        this.optOuts = optOuts;
        this.config = config;
        this.clock = clock;
    }

    /** Marks claims older than the lease UNCERTAIN: whoever held them stopped mid-send. */
    @Transactional(TxType.REQUIRES_NEW)
    public int sweepAbandonedClaims() {
        Instant now = clock.instant();
        return messages.markAbandonedClaimsUncertain(now.minus(config.claimLease()), now);
    }

    /**
     * Claims the next due message (SKIP LOCKED, so replicas never wait for or share a row) and
     * commits it as SENDING before anything is sent. One at a time, so that a crash leaves at
     * most the message in flight uncertain, not a whole batch. Non-essential messages to a patient
     * who opted out are marked SKIPPED on the way.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Claimed> claimNext() {
        Instant now = clock.instant();
        while (true) {
            List<OutboundMessage> due = messages.lockDue(now, 1);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            OutboundMessage m = due.get(0);
            m.updatedAt = now;
            if (!m.essential && optOuts.hasOptedOut(m.patientId)) {
                m.status = MessageStatus.SKIPPED;
                messages.flush();
                continue;
            }
            m.status = MessageStatus.SENDING;
            m.claimedAt = now;
            m.attempts++;
            return Optional.of(new Claimed(m.id, m.attempts, new MailGateway.Envelope(m.recipient, m.subject, m.bodyText,
                    m.bodyHtml, m.calendar, m.kind == MessageKind.CANCELLATION ? "CANCEL" : "REQUEST", m.messageId)));
        }
    }

    /** Records what the attempt proved. Only a provably undelivered message is queued again. */
    @Transactional(TxType.REQUIRES_NEW)
    public MessageStatus record(Claimed claimed, MailGateway.Outcome outcome) {
        Instant now = clock.instant();
        OutboundMessage m = messages.findById(claimed.id());
        if (m.status != MessageStatus.SENDING) {
            // the sweep decided first (this send outlived the lease); keep its verdict
            return m.status;
        }
        m.updatedAt = now;
        m.lastError = outcome.error();
        switch (outcome.result()) {
            case SENT -> {
                m.status = MessageStatus.SENT;
                m.sentAt = now;
            }
            case NOT_DELIVERED_TRANSIENT -> {
                m.status = MessageStatus.FAILED_RETRYING;
                m.nextAttemptAt = now.plus(backoff(claimed.attempt()));
            }
            case REJECTED -> m.status = MessageStatus.FAILED;
            case UNKNOWN -> m.status = MessageStatus.UNCERTAIN;
        }
        return m.status;
    }

    /** initial, 2 x initial, 4 x initial, ... up to the maximum. */
    Duration backoff(int attempt) {
        Duration delay = config.backoffInitial();
        for (int i = 1; i < attempt && delay.compareTo(config.backoffMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : delay;
    }
}
