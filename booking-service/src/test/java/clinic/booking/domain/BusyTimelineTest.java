package clinic.booking.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Busy periods given in any order, overlapping or touching, answer "is this free?" exactly. */
class BusyTimelineTest {

    @Test
    void mergesUnorderedOverlappingAndTouchingPeriods() {
        BusyTimeline busy = new BusyTimeline.Builder()
                .add(300, 400)
                .add(100, 200)
                .add(150, 250) // overlaps 100-200
                .add(250, 260) // touches 150-250
                .add(600, 700)
                .build();
        assertTrue(busy.isFree(0, 100), "ends where the first period starts");
        assertFalse(busy.isFree(0, 101));
        assertFalse(busy.isFree(255, 258), "inside the touching period");
        assertTrue(busy.isFree(260, 300), "the gap between merged periods");
        assertFalse(busy.isFree(200, 300), "spans the end of one merged period");
        assertFalse(busy.isFree(350, 650), "covers a gap but overlaps both sides");
        assertTrue(busy.isFree(400, 600));
        assertTrue(busy.isFree(700, 10_000));
        assertFalse(busy.isFree(50, 10_000), "spans everything");
    }

    @Test
    void nothingBusyIsAlwaysFree() {
        assertTrue(BusyTimeline.empty().isFree(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        assertTrue(new BusyTimeline.Builder().build().isFree(0, 1));
    }
}
