package clinic.content.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageStatus;
import clinic.content.mail.MailGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due messages: claim, send, record, one message at a time, each step its own short
 * transaction. Safe with several replicas (claims use SKIP LOCKED) and at most once per
 * (appointment, step): a message is re-sent only when the SMTP server proved it did not take it,
 * and one left SENDING by a crash becomes UNCERTAIN for staff, never re-sent.
 */
@ApplicationScoped
public class Dispatcher {

    private final DispatchService dispatch;
    private final MailGateway gateway;
    private final DispatchConfig config;
    private final MeterRegistry meters;

    public Dispatcher(DispatchService dispatch, MailGateway gateway, DispatchConfig config, MeterRegistry meters) {
        this.dispatch = dispatch;
        this.gateway = gateway;
        this.config = config;
        this.meters = meters;
    }

    @Scheduled(identity = "dispatch-messages", every = "${content.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int abandoned = dispatch.sweepAbandonedClaims();
        if (abandoned > 0) {
            Log.warnf("%d message(s) were claimed by a dispatcher that stopped mid-send; marked UNCERTAIN for staff to check",
                    abandoned);
        }
        // bounded per run so one replica does not hold the job forever while others idle
        for (int i = 0; i < config.batchSize(); i++) {
            Optional<DispatchService.Claimed> next = dispatch.claimNext();
            if (next.isEmpty()) {
                return;
            }
            DispatchService.Claimed message = next.get();
            MailGateway.Outcome outcome = gateway.send(message.envelope(), config.sendTimeout());
            MessageStatus status = dispatch.record(message, outcome);
            meters.counter("clinic.content.messages", "status", status.name()).increment();
            if (status != MessageStatus.SENT) {
                Log.warnf("Message %s attempt %d: %s (%s)", message.id(), message.attempt(), status, outcome.error());
            }
        }
    }
}
