package clinic.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the relay when a transaction that wrote outbox rows has committed, so nothing waits for a poll. */
@ApplicationScoped
public class RelaySignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or the timeout passes; answers whether it was woken. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
