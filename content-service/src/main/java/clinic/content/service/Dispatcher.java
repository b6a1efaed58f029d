package clinic.content.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.MessageStatus;
import clinic.content.mail.MailGateway;
import clinic.content.service.DispatchService.Attempt;
import clinic.content.service.DispatchService.Claimed;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends due messages: claims a batch, sends them side by side over the pooled SMTP connections,
 * and records each outcome, every step its own short transaction. Safe with several replicas
 * (claims use SKIP LOCKED), in order per appointment (a message is claimed only when the ones
 * planned before it are settled), and at least once with a stable Message-ID: an attempt whose
 * outcome is unknown is sent again, and a mail client shows one message per Message-ID.
 *
 * <p>Two threads of its own rather than the scheduler: the claiming loop must react within a
 * millisecond to a consumed event ({@link DispatchSignal}), and the recorder batches outcomes into
 * few transactions so that a backlog drains at hundreds of messages a second. Without a wake-up the
 * loop still looks every {@code content.dispatch.every}, for scheduled messages and retries.
 */
@ApplicationScoped
public class Dispatcher {

    private static final int RECORD_BATCH = 200;

    private final DispatchService dispatch;
    private final MailGateway gateway;
    private final DispatchConfig config;
    private final DispatchSignal signal;
    private final MeterRegistry meters;
    private final Semaphore sendSlots;
    private final BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();

    private volatile boolean running;
    private Thread claimer;
    private Thread recorder;
    private long lastSweep;
    private boolean claimFailing;
    private boolean recordFailing;
    private boolean smtpFailing;

    public Dispatcher(DispatchService dispatch, MailGateway gateway, DispatchConfig config, DispatchSignal signal,
            MeterRegistry meters) {
        this.dispatch = dispatch;
        this.gateway = gateway;
        this.config = config;
        this.signal = signal;
        this.meters = meters;
        this.sendSlots = new Semaphore(config.parallelSends());
    }

    void start(@Observes StartupEvent started) {
        running = true;
        claimer = new Thread(this::claimLoop, "message-dispatcher");
        claimer.setDaemon(true);
        recorder = new Thread(this::recordLoop, "message-recorder");
        recorder.setDaemon(true);
        recorder.start();
        claimer.start();
    }

    /** Stops claiming, then waits for the sends in flight to be recorded, so a restart leaves nothing SENDING. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        signal.wake();
        if (claimer != null) {
            claimer.join(2000);
        }
        long waitMillis = config.sendTimeout().toMillis() + 2000;
        if (sendSlots.tryAcquire(config.parallelSends(), waitMillis, TimeUnit.MILLISECONDS)) {
            sendSlots.release(config.parallelSends());
        }
        if (recorder != null) {
            recorder.interrupt();
            recorder.join(2000);
        }
    }

    private void claimLoop() {
        while (running) {
            try {
                claimAndSend();
                signal.await(config.every(), config.gather());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims and starts sends while there are free slots and due messages; failures wait for the next look. */
    void claimAndSend() {
        try {
            sweepNowAndThen();
            while (running && sendSlots.availablePermits() > 0) {
                int free = sendSlots.availablePermits();
                DispatchService.Claims claims = dispatch.claim(free);
                if (claims.skipped() > 0) {
                    meters.counter("clinic.content.messages", "status", MessageStatus.SKIPPED.name()).increment(claims.skipped());
                }
                for (Claimed message : claims.claimed()) {
                    sendSlots.acquireUninterruptibly();
                    send(message);
                }
                if (claims.claimed().size() + claims.skipped() < free) {
                    // it took everything due: another claim now would find nothing (one more per wake-up
                    // before). What is planned meanwhile has woken the signal, so the next look comes at once.
                    break;
                }
            }
            if (claimFailing) {
                Log.info("Dispatcher reaches the database again");
                claimFailing = false;
            }
        } catch (RuntimeException e) {
            if (!claimFailing) {
                Log.warnf("Dispatcher could not claim messages (will retry): %s", e.getMessage());
            }
            claimFailing = true;
        }
    }

    private void send(Claimed message) {
        try {
            gateway.send(message.envelope(), config.sendTimeout()).whenComplete((outcome, failure) -> finished.add(
                    new Attempt(message, failure == null ? outcome : MailGateway.classify(failure))));
        } catch (RuntimeException e) {
            finished.add(new Attempt(message, MailGateway.classify(e)));
        }
    }

    private void sweepNowAndThen() {
        long now = System.nanoTime();
        if (now - lastSweep < Duration.ofMillis(500).toNanos()) {
            return;
        }
        lastSweep = now;
        DispatchService.Swept swept = dispatch.sweep();
        if (swept.released() > 0) {
            Log.warnf("%d message(s) were claimed by a dispatcher that stopped mid-send; they are sent again (same Message-ID)",
                    swept.released());
        }
        if (swept.dropped() > 0) {
            meters.counter("clinic.content.messages", "status", MessageStatus.DROPPED.name()).increment(swept.dropped());
            Log.warnf("%d message(s) could not be delivered before their deadline; dropped and listed for staff", swept.dropped());
        }
    }

    private void recordLoop() {
        List<Attempt> batch = new ArrayList<>();
        while (running || sendSlots.availablePermits() < config.parallelSends()) {
            try {
                if (batch.isEmpty()) {
                    Attempt first = finished.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    finished.drainTo(batch, RECORD_BATCH - 1);
                }
                record(batch);
                sendSlots.release(batch.size());
                batch.clear();
                signal.wake();
            } catch (InterruptedException e) {
                // stopping; what is still unrecorded stays SENDING and is sent again after the lease
                return;
            } catch (RuntimeException e) {
                // keep the outcomes and try again: losing one would leave its message SENDING until the lease
                if (!recordFailing) {
                    Log.warnf("Dispatcher could not record %d outcome(s) (will retry): %s", batch.size(), e.getMessage());
                }
                recordFailing = true;
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void record(List<Attempt> batch) {
        Map<UUID, MessageStatus> statuses = dispatch.record(batch);
        if (recordFailing) {
            Log.info("Dispatcher records outcomes again");
            recordFailing = false;
        }
        boolean anySent = false;
        boolean anyFailed = false;
        for (Attempt attempt : batch) {
            MessageStatus status = statuses.get(attempt.claimed().id());
            if (status == null) {
                continue;
            }
            meters.counter("clinic.content.messages", "status", status.name()).increment();
            if (status == MessageStatus.SENT) {
                anySent = true;
            } else {
                anyFailed = true;
                Log.warnf("Message %s (%s) attempt %d: %s (%s)", attempt.claimed().id(), attempt.claimed().kind(),
                        attempt.claimed().attempt(), status, attempt.outcome().error());
            }
        }
        if (anySent && smtpFailing) {
            // the server takes messages again: what waits out a backoff need not wait any longer
            int brought = dispatch.retryNow();
            Log.infof("SMTP accepts messages again; %d retry(ies) brought forward", brought);
        }
        smtpFailing = anyFailed && !anySent ? true : anySent ? false : smtpFailing;
    }

    /** Waits a second before the next try; false when interrupted (stopping). */
    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
