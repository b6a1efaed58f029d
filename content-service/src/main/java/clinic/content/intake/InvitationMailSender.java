package clinic.content.intake;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.DispatchConfig;
import clinic.content.mail.MailGateway;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends intake link e-mails the way the appointment messages are sent: claim one (SKIP LOCKED, safe
 * with several replicas) and commit it as SENDING, send, record what the SMTP server proved. Only a
 * provably undelivered e-mail is tried again; one left SENDING by a crash becomes UNCERTAIN. The
 * link is cleared once the e-mail is settled, so the database keeps no working credential.
 */
@ApplicationScoped
public class InvitationMailSender {

    private final InvitationMailDispatch dispatch;
    private final MailGateway gateway;
    private final DispatchConfig config;

    public InvitationMailSender(InvitationMailDispatch dispatch, MailGateway gateway, DispatchConfig config) {
        this.dispatch = dispatch;
        this.gateway = gateway;
        this.config = config;
    }

    @Scheduled(identity = "send-intake-invitations", every = "${content.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int abandoned = dispatch.sweep();
        if (abandoned > 0) {
            Log.warnf("%d intake link e-mail(s) were claimed by a sender that stopped mid-send; marked UNCERTAIN", abandoned);
        }
        // at most as many per run as appointment messages go side by side, one after another: intake links are few
        for (int i = 0; i < config.parallelSends(); i++) {
            Optional<InvitationMailDispatch.Claimed> next = dispatch.claim();
            if (next.isEmpty()) {
                return;
            }
            MailGateway.Outcome outcome = gateway.send(next.get().envelope(), config.sendTimeout()).toCompletableFuture().join();
            dispatch.record(next.get(), outcome);
        }
    }
}
