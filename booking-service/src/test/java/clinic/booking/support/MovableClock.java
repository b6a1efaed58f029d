package clinic.booking.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Replaces the application clock in tests: real time unless a test moves it (to an appointment's
 * day, after its start), and a test that moves it puts it back. Time keeps running from the moved
 * instant, so changes made one after another keep their order.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private volatile Instant anchor;
    private volatile long anchorNanos;

    public synchronized void moveTo(Instant instant) {
        anchorNanos = System.nanoTime();
        anchor = instant;
    }

    public synchronized void reset() {
        anchor = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public synchronized Instant instant() {
        return anchor == null ? Instant.now() : anchor.plusNanos(System.nanoTime() - anchorNanos);
    }
}
