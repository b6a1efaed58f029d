package clinic.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Replaces the application clock in tests: a chosen "today" that a test may move and must put back.
 * Time still runs from the chosen instant, so decisions made one after another keep their order.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    /** Every test starts from this clinic day unless it moves the clock. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 15);
    private static final ZoneId CLINIC = ZoneId.of("Europe/Warsaw");

    private volatile Instant anchor = atNoon(DEFAULT_TODAY);
    private volatile long anchorNanos = System.nanoTime();

    public void setToday(LocalDate today) {
        setInstant(atNoon(today));
    }

    public synchronized void setInstant(Instant instant) {
        anchorNanos = System.nanoTime();
        anchor = instant;
    }

    public void reset() {
        setToday(DEFAULT_TODAY);
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
        return anchor.plusNanos(System.nanoTime() - anchorNanos);
    }

    private static Instant atNoon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(CLINIC).toInstant();
    }
}
