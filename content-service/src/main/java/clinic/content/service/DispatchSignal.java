package clinic.content.service;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the dispatcher: a committed event planned messages, a send finished, or staff asked for a resend. */
@ApplicationScoped
public class DispatchSignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /**
     * Waits until woken or the timeout passes. Once woken, lets {@code gather} pass before answering,
     * so that what else is planned or finished meanwhile goes into the same claim.
     */
    void await(Duration timeout, Duration gather) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS) && gather.toMillis() > 0) {
            Thread.sleep(gather.toMillis());
        }
        pending.drainPermits();
    }
}
