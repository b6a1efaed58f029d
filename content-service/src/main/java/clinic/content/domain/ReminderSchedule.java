package clinic.content.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When the reminders before an appointment fall due: the day before at a clinic-set local time,
 * and a short one a few hours before the start. Neither is sent at night: one that falls in quiet
 * hours moves to their end, and is left out when that would be too close to the start. A reminder
 * whose time has already passed when it is planned (a booking for tomorrow evening made today
 * at 18:00) is left out: the confirmation itself is the reminder then.
 */
public record ReminderSchedule(boolean dayBefore, LocalTime dayBeforeAt, boolean shortNotice, Duration shortBefore,
        Duration minNotice) {

    public static final String DAY_BEFORE = "REMINDER-DAY-BEFORE";
    public static final String SHORT = "REMINDER-SHORT";

    /** One reminder: its step name, when it is due, and after when it is no longer worth sending. */
    public record Reminder(String name, Instant due, Instant deadline) {
    }

    /** The reminders of an appointment starting at {@code start}, planned at {@code now}, earliest first. */
    public List<Reminder> plan(Instant start, Instant now, ZoneId zone) {
        Instant shortDue = null;
        if (shortNotice) {
            Instant due = outOfQuietHours(start.minus(shortBefore), start, zone);
            if (due != null && !due.isBefore(now)) {
                shortDue = due;
            }
        }
        List<Reminder> reminders = new ArrayList<>();
        if (dayBefore) {
            Instant at = start.atZone(zone).toLocalDate().minusDays(1).atTime(dayBeforeAt).atZone(zone).toInstant();
            Instant due = outOfQuietHours(at, start, zone);
            if (due != null && !due.isBefore(now) && (shortDue == null || due.isBefore(shortDue))) {
                // a day-before reminder that could not go out before the short one is not worth sending
                reminders.add(new Reminder(DAY_BEFORE, due, shortDue == null ? start : shortDue));
            }
        }
        if (shortDue != null) {
            reminders.add(new Reminder(SHORT, shortDue, start));
        }
        return reminders;
    }

    private Instant outOfQuietHours(Instant due, Instant start, ZoneId zone) {
        Instant moved = QuietHours.deferIfNight(due, zone);
        return moved.isAfter(start.minus(minNotice)) ? null : moved;
    }
}
