package clinic.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.content.domain.ReminderSchedule.Reminder;

class ReminderScheduleTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final Instant LONG_BEFORE = Instant.parse("2030-01-01T00:00:00Z");
    private static final ReminderSchedule DEFAULT = new ReminderSchedule(true, LocalTime.of(17, 0), true, Duration.ofHours(3),
            Duration.ofHours(1));

    @Test
    void dayBeforeAtTheClinicsHourAndThreeHoursBefore() {
        // 15 January 2030 12:00 in Warsaw (CET) is 11:00 UTC
        assertEquals(List.of(
                new Reminder(ReminderSchedule.DAY_BEFORE, Instant.parse("2030-01-14T16:00:00Z"), Instant.parse("2030-01-15T08:00:00Z")),
                new Reminder(ReminderSchedule.SHORT, Instant.parse("2030-01-15T08:00:00Z"), Instant.parse("2030-01-15T11:00:00Z"))),
                DEFAULT.plan(Instant.parse("2030-01-15T11:00:00Z"), LONG_BEFORE, WARSAW));
    }

    @Test
    void theDayBeforeKeepsItsLocalHourAcrossTheSpringChange() {
        // 31 March 2030, clocks go forward at 02:00; the appointment is 10:00 CEST (08:00 UTC)
        List<Reminder> plan = DEFAULT.plan(Instant.parse("2030-03-31T08:00:00Z"), LONG_BEFORE, WARSAW);
        assertEquals(Instant.parse("2030-03-30T16:00:00Z"), plan.get(0).due(), "17:00 CET on the day before");
        assertEquals(Instant.parse("2030-03-31T06:00:00Z"), plan.get(1).due(), "07:00 CEST is quiet: 08:00 CEST");
    }

    @Test
    void aShortReminderTooCloseToTheStartOnceOutOfQuietHoursIsLeftOut() {
        // 08:30 CET: three hours before is night, and 08:00 is only half an hour before
        List<Reminder> plan = DEFAULT.plan(Instant.parse("2030-01-15T07:30:00Z"), LONG_BEFORE, WARSAW);
        assertEquals(List.of(ReminderSchedule.DAY_BEFORE), plan.stream().map(Reminder::name).toList());
        assertEquals(Instant.parse("2030-01-15T07:30:00Z"), plan.get(0).deadline(), "without a short one: the start");
    }

    @Test
    void remindersWhoseTimeHasPassedAreLeftOut() {
        Instant start = Instant.parse("2030-01-15T11:00:00Z");
        assertEquals(List.of(ReminderSchedule.SHORT),
                DEFAULT.plan(start, Instant.parse("2030-01-14T18:00:00Z"), WARSAW).stream().map(Reminder::name).toList());
        assertEquals(List.of(), DEFAULT.plan(start, Instant.parse("2030-01-15T09:00:00Z"), WARSAW));
    }

    @Test
    void eachReminderCanBeTurnedOffAndTimedByTheClinic() {
        Instant start = Instant.parse("2030-01-15T11:00:00Z");
        assertEquals(List.of(ReminderSchedule.SHORT), new ReminderSchedule(false, LocalTime.of(17, 0), true, Duration.ofHours(3),
                Duration.ofHours(1)).plan(start, LONG_BEFORE, WARSAW).stream().map(Reminder::name).toList());
        List<Reminder> custom = new ReminderSchedule(true, LocalTime.of(9, 30), true, Duration.ofHours(2), Duration.ofHours(1))
                .plan(start, LONG_BEFORE, WARSAW);
        assertEquals(Instant.parse("2030-01-14T08:30:00Z"), custom.get(0).due());
        assertEquals(Instant.parse("2030-01-15T09:00:00Z"), custom.get(1).due());
        assertEquals(List.of(), new ReminderSchedule(false, LocalTime.of(17, 0), false, Duration.ofHours(3), Duration.ofHours(1))
                .plan(start, LONG_BEFORE, WARSAW));
    }
}
