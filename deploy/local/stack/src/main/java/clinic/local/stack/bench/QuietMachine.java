package clinic.local.stack.bench;

import java.io.IOException;
import java.time.Duration;

import clinic.local.stack.ProcStatus;

/**
 * Waits until the machine has finished the work a run left behind. A booking run leaves work after
 * its last answer: content-service still renders and sends the confirmations (it works behind the
 * bookings), the outbox relays still publish. Measured while that tail still runs, the next run
 * would share the two cores with it, and the CPU counted per booking would miss it.
 */
final class QuietMachine {

    /** Quiet: all cores together busy for less than this in one second (the idle stack's pollers stay well under it). */
    private static final long QUIET_MILLIS_PER_SECOND = 150;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(120);

    private QuietMachine() {
    }

    /** Waits for a quiet second (at most two minutes) and answers how long it waited. */
    static Duration await() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long busyBefore = ProcStatus.machineBusyMillis();
        while (System.nanoTime() - start < LONGEST_WAIT.toNanos()) {
            // the sampling interval, not a wait for a race: quiet is judged by the CPU used in this second
            Thread.sleep(1000);
            long busy = ProcStatus.machineBusyMillis();
            if (busy - busyBefore < QUIET_MILLIS_PER_SECOND) {
                break;
            }
            busyBefore = busy;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
