package clinic.content.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import clinic.content.config.DispatchConfig;
import clinic.content.mail.MailGateway;
import io.quarkus.logging.Log;

/**
 * The intake link sender's short transactions, each committed on its own, so that a crash at any
 * point leaves a row that says what we know (as the appointment messages' dispatcher does).
 */
@ApplicationScoped
public class InvitationMailDispatch {

    /** A claimed e-mail, detached from the transaction that claimed it. */
    public record Claimed(UUID id, int attempt, MailGateway.Envelope envelope) {
    }

    private final InvitationMailRepository mails;
    private final InvitationMailRenderer renderer;
    private final DispatchConfig config;
    private final Clock clock;

    public InvitationMailDispatch(InvitationMailRepository mails, InvitationMailRenderer renderer, DispatchConfig config, Clock clock) {
        this.mails = mails;
        this.renderer = renderer;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int sweep() {
        Instant now = clock.instant();
        return mails.markAbandonedUncertain(now.minus(config.claimLease()), now);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Claimed> claim() {
        Instant now = clock.instant();
        return mails.lockNextDue(now).map(mail -> {
            mail.status = InvitationMail.Status.SENDING;
            mail.claimedAt = now;
            mail.attempts++;
            mail.updatedAt = now;
            InvitationMailRenderer.Rendered rendered = renderer.render(mail);
            return new Claimed(mail.invitationId, mail.attempts, new MailGateway.Envelope(mail.recipient, rendered.subject(),
                    rendered.text(), rendered.html(), null, null, "<intake-invitation-" + mail.invitationId + "@"
                            + renderer.senderDomain() + ">", null));
        });
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void record(Claimed claimed, MailGateway.Outcome outcome) {
        Instant now = clock.instant();
        InvitationMail mail = mails.findById(claimed.id());
        if (mail.status != InvitationMail.Status.SENDING) {
            return;
        }
        mail.updatedAt = now;
        mail.lastError = outcome.error();
        switch (outcome.result()) {
            case SENT -> {
                mail.status = InvitationMail.Status.SENT;
                mail.sentAt = now;
            }
            case NOT_DELIVERED_TRANSIENT -> {
                mail.status = InvitationMail.Status.FAILED_RETRYING;
                mail.nextAttemptAt = now.plus(backoff(claimed.attempt()));
            }
            case REJECTED -> mail.status = InvitationMail.Status.FAILED;
            case UNKNOWN -> mail.status = InvitationMail.Status.UNCERTAIN;
        }
        if (mail.status != InvitationMail.Status.FAILED_RETRYING) {
            mail.link = null;
        }
        if (mail.status != InvitationMail.Status.SENT) {
            Log.warnf("Intake link e-mail %s attempt %d: %s (%s)", mail.invitationId, claimed.attempt(), mail.status, outcome.error());
        }
    }

    private Duration backoff(int attempt) {
        Duration delay = config.backoffInitial();
        for (int i = 1; i < attempt && delay.compareTo(config.backoffMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : delay;
    }
}
