package clinic.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** How a refusal names a stretch of time (a practitioner's time off): as the desk would say it. */
class DeskWordingTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void wholeDaysAreDays() {
        assertEquals("on Wed, 9 Dec 2026", period("2026-12-09T00:00", "2026-12-10T00:00"));
        assertEquals("from Thu, 10 Dec 2026 to Fri, 11 Dec 2026", period("2026-12-10T00:00", "2026-12-12T00:00"));
    }

    @Test
    void hoursWithinADayAreThatDaysHours() {
        assertEquals("on Tue, 8 Dec 2026, 12:00 to 16:00", period("2026-12-08T12:00", "2026-12-08T16:00"));
        assertEquals("on Thu, 31 Dec 2026 from 15:00", period("2026-12-31T15:00", "2027-01-01T00:00"));
    }

    @Test
    void anythingElseIsFromAndTo() {
        assertEquals("from Thu, 31 Dec 2026, 15:00 to Fri, 1 Jan 2027, 10:00", period("2026-12-31T15:00", "2027-01-01T10:00"));
    }

    private static String period(String from, String to) {
        return DeskWording.period(at(from), at(to), WARSAW);
    }

    private static Instant at(String wallClock) {
        return LocalDateTime.parse(wallClock).atZone(WARSAW).toInstant();
    }
}
