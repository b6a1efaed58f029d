package clinic.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @ParameterizedTest(name = "due {0} -> sent {1} ({2})")
    @CsvSource({
            // winter, CET = UTC+1
            "2030-01-15T20:59:59Z, 2030-01-15T20:59:59Z, 21:59:59 local is still evening",
            "2030-01-15T21:00:00Z, 2030-01-16T07:00:00Z, 22:00 local starts the night: next 08:00",
            "2030-01-15T22:30:00Z, 2030-01-16T07:00:00Z, 23:30 local: next 08:00",
            "2030-01-15T23:00:00Z, 2030-01-16T07:00:00Z, midnight local: same day 08:00",
            "2030-01-16T06:59:59Z, 2030-01-16T07:00:00Z, 07:59:59 local: 08:00",
            "2030-01-16T07:00:00Z, 2030-01-16T07:00:00Z, 08:00 local is day",
            "2030-01-16T11:00:00Z, 2030-01-16T11:00:00Z, noon",
            // summer, CEST = UTC+2
            "2030-07-01T19:59:00Z, 2030-07-01T19:59:00Z, 21:59 local",
            "2030-07-01T20:00:00Z, 2030-07-02T06:00:00Z, 22:00 local",
            // spring forward 2030-03-31 02:00 CET -> 03:00 CEST: the night starts in CET, ends in CEST
            "2030-03-30T21:30:00Z, 2030-03-31T06:00:00Z, 22:30 CET before the change: 08:00 CEST",
            "2030-03-31T00:30:00Z, 2030-03-31T06:00:00Z, 01:30 CET on the night of the change",
            // fall back 2030-10-27 03:00 CEST -> 02:00 CET
            "2030-10-27T00:30:00Z, 2030-10-27T07:00:00Z, 02:30 CEST (first pass): 08:00 CET",
            "2030-10-27T01:30:00Z, 2030-10-27T07:00:00Z, 02:30 CET (second pass): 08:00 CET",
    })
    void nightStepsMoveToEightInTheMorning(Instant due, Instant expected, String why) {
        assertEquals(expected, QuietHours.deferIfNight(due, WARSAW), why);
    }

    @ParameterizedTest(name = "aftercare due {0} -> sent {1} ({2})")
    @CsvSource({
            "2030-01-15T20:59:59Z, 2030-01-15T20:59:59Z, 21:59:59 local is still evening",
            "2030-01-15T21:16:00Z, 2030-01-15T20:00:00Z, 22:16 local: 21:00 that evening, on the day it speaks of",
            "2030-01-15T22:59:00Z, 2030-01-15T20:00:00Z, 23:59 local: 21:00 that evening",
            "2030-01-15T23:00:00Z, 2030-01-16T07:00:00Z, midnight local: 08:00 that morning",
            "2030-01-16T06:59:59Z, 2030-01-16T07:00:00Z, 07:59:59 local: 08:00",
            "2030-07-01T20:30:00Z, 2030-07-01T19:00:00Z, 22:30 CEST: 21:00 CEST",
    })
    void aftercareStepsGoToTheNearerSideOfTheNight(Instant due, Instant expected, String why) {
        assertEquals(expected, QuietHours.nearestDaytime(due, WARSAW), why);
    }
}
