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

    /** Waits until woken or the timeout passes. */
    void await(Duration timeout) throws InterruptedException {
        pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
    }
}
