package clinic.content.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.mail.MailGateway;
import clinic.content.repository.OptOutRepository;
import clinic.content.repository.OutboundMessageRepository;

/**
 * The dispatcher's short transactions. A claim commits (SENDING) before anything is sent, and each
 * outcome commits after, so a crash at any point leaves a row that says what we know: PENDING
 * (never tried), SENDING (tried, outcome unknown: sent again after the lease), or the outcome.
 */
@ApplicationScoped
public class DispatchService {

    /** A claimed message, detached from the transaction that claimed it. */
    public record Claimed(UUID id, int attempt, String kind, MailGateway.Envelope envelope) {
    }

    /** What one claim found: messages to send now, and how many it skipped for an opt-out. */
    public record Claims(List<Claimed> claimed, int skipped) {
    }

    /** One finished attempt. */
    public record Attempt(Claimed claimed, MailGateway.Outcome outcome) {
    }

    /** What the housekeeping did. */
    public record Swept(int released, int dropped) {
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

    /**
     * Claims older than the lease (their process stopped mid-send) go back to be sent again, and
     * messages still on their way when their deadline passes are given up (DROPPED, recorded).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Swept sweep() {
        Instant now = clock.instant();
        int released = messages.releaseAbandonedClaims(now.minus(config.claimLease()), now);
        int dropped = messages.dropOverdue(now);
        return new Swept(released, dropped);
    }

    /**
     * Claims up to {@code max} due messages, each the next of its appointment, and commits them as
     * SENDING. Non-essential messages to a patient who opted out are marked SKIPPED on the way.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Claims claim(int max) {
        Instant now = clock.instant();
        List<OutboundMessage> due = messages.lockDue(now, max);
        Set<UUID> optedOut = optOuts.optedOutAmong(due.stream().filter(m -> !m.essential).map(m -> m.patientId).toList());
        List<Claimed> claimed = new ArrayList<>(due.size());
        int skipped = 0;
        for (OutboundMessage m : due) {
            m.updatedAt = now;
            if (!m.essential && optedOut.contains(m.patientId)) {
                m.status = MessageStatus.SKIPPED;
                skipped++;
                continue;
            }
            m.status = MessageStatus.SENDING;
            m.claimedAt = now;
            m.attempts++;
            claimed.add(new Claimed(m.id, m.attempts, m.kind.name(), new MailGateway.Envelope(m.recipient, m.subject,
                    m.bodyText, m.bodyHtml, m.calendar, m.calendarMethod, m.messageId, m.unsubscribeUrl)));
        }
        return new Claims(claimed, skipped);
    }

    /** Records what the attempts proved, in one transaction; answers each message's new status. */
    @Transactional(TxType.REQUIRES_NEW)
    public Map<UUID, MessageStatus> record(Collection<Attempt> attempts) {
        Instant now = clock.instant();
        Map<UUID, OutboundMessage> rows = messages.byIds(attempts.stream().map(a -> a.claimed().id()).toList()).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        for (Attempt attempt : attempts) {
            OutboundMessage m = rows.get(attempt.claimed().id());
            if (m != null) {
                apply(m, attempt, now);
            }
        }
        return rows.values().stream().collect(Collectors.toMap(m -> m.id, m -> m.status));
    }

    private void apply(OutboundMessage m, Attempt attempt, Instant now) {
        // the attempt number identifies the claim (a timestamp would not: the database keeps microseconds,
        // the clock may give nanoseconds)
        boolean ours = m.status == MessageStatus.SENDING && m.attempts == attempt.claimed().attempt();
        MailGateway.Outcome outcome = attempt.outcome();
        if (!ours) {
            // the sweep took it back (this send outlived the lease); a proven delivery still counts
            if (outcome.result() == MailGateway.Result.SENT && MessageStatus.CLAIMABLE.contains(m.status)) {
                sent(m, now);
            }
            return;
        }
        m.updatedAt = now;
        switch (outcome.result()) {
            case SENT -> sent(m, now);
            case NOT_DELIVERED_TRANSIENT -> {
                m.status = MessageStatus.FAILED_RETRYING;
                m.lastError = outcome.error();
                m.nextAttemptAt = now.plus(backoff(m.attempts));
            }
            case REJECTED -> {
                m.status = MessageStatus.FAILED;
                m.lastError = outcome.error();
            }
            case UNKNOWN -> {
                m.status = MessageStatus.UNCERTAIN;
                m.maybeDelivered = true;
                m.lastError = outcome.error() + "; outcome unknown, sent again with the same Message-ID";
                m.nextAttemptAt = now.plus(backoff(m.attempts));
            }
        }
    }

    private static void sent(OutboundMessage m, Instant now) {
        m.status = MessageStatus.SENT;
        m.sentAt = now;
        m.updatedAt = now;
        m.maybeDelivered = true;
        m.lastError = null;
    }

    /** SMTP answers again: the retries waiting out a backoff are due now. */
    @Transactional(TxType.REQUIRES_NEW)
    public int retryNow() {
        return messages.retryNow(clock.instant());
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
