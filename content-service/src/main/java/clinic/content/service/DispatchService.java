package clinic.content.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageStatus;
import clinic.content.mail.MailGateway;
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
    private final DispatchConfig config;
    private final Clock clock;

    public DispatchService(OutboundMessageRepository messages, DispatchConfig config, Clock clock) {
        this.messages = messages;
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
        List<Claimed> claimed = new ArrayList<>();
        int skipped = 0;
        for (OutboundMessageRepository.Claim claim : messages.claimDue(clock.instant(), max)) {
            if (claim.status() == MessageStatus.SKIPPED) {
                skipped++;
            } else {
                claimed.add(new Claimed(claim.id(), claim.attempt(), claim.kind().name(), claim.envelope()));
            }
        }
        return new Claims(claimed, skipped);
    }

    /** Records what the attempts proved, in one transaction; answers each message's status after it. */
    @Transactional(TxType.REQUIRES_NEW)
    public Map<UUID, MessageStatus> record(Collection<Attempt> attempts) {
        Instant now = clock.instant();
        Map<UUID, MessageStatus> statuses = new HashMap<>();
        List<UUID> unchanged = new ArrayList<>();
        for (Attempt attempt : attempts) {
            UUID id = attempt.claimed().id();
            apply(attempt, now).ifPresentOrElse(status -> statuses.put(id, status), () -> unchanged.add(id));
        }
        statuses.putAll(messages.statuses(unchanged));
        return statuses;
    }

    /**
     * One attempt's outcome, if it is still the attempt's to record: the claim is the attempt's own
     * (the attempt number identifies the claim; a timestamp would not, the database keeps
     * microseconds and the clock may give nanoseconds), or the sweep took it back and a proven
     * delivery still counts.
     */
    private Optional<MessageStatus> apply(Attempt attempt, Instant now) {
        UUID id = attempt.claimed().id();
        int number = attempt.claimed().attempt();
        MailGateway.Outcome outcome = attempt.outcome();
        return switch (outcome.result()) {
            case SENT -> messages.recordSent(id, number, now);
            case NOT_DELIVERED_TRANSIENT -> messages.recordFailure(id, number, MessageStatus.FAILED_RETRYING, outcome.error(),
                    now.plus(backoff(number)), false, now);
            case REJECTED -> messages.recordFailure(id, number, MessageStatus.FAILED, outcome.error(), null, false, now);
            case UNKNOWN -> messages.recordFailure(id, number, MessageStatus.UNCERTAIN,
                    outcome.error() + "; outcome unknown, sent again with the same Message-ID", now.plus(backoff(number)), true, now);
        };
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
