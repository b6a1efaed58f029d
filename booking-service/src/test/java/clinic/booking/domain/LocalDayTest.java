package clinic.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A clinic-local time of day becomes the instant the JDK's zone rules give it, on every day of twenty
 * years: ordinary days, the days clocks change, changes at midnight, half-hour changes and a day a
 * zone skipped entirely.
 */
class LocalDayTest {

    @ParameterizedTest
    @ValueSource(strings = { "Europe/Warsaw", "America/New_York", "America/Santiago", "Australia/Lord_Howe",
            "Pacific/Apia", "Africa/Casablanca", "UTC" })
    void everyQuarterHourOfEveryDayIsTheInstantTheZoneRulesGive(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        for (LocalDate date = LocalDate.of(2011, 1, 1); date.isBefore(LocalDate.of(2031, 1, 1)); date = date.plusDays(1)) {
            LocalDate today = date;
            LocalDay day = LocalDay.of(today, zone);
            for (int minute = 0; minute < 24 * 60; minute += 15) {
                LocalTime time = LocalTime.of(minute / 60, minute % 60);
                assertEquals(ZonedDateTime.of(today, time, zone).toInstant(), day.at(time), () -> today + " " + time + " " + zone);
            }
        }
    }
}
