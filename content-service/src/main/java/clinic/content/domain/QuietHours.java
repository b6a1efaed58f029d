package clinic.content.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Nobody gets a non-essential email at night (a later aftercare step, a reminder). A reminder due
 * between 22:00 and 08:00 in the clinic's zone goes out at the following 08:00 local (next day's when
 * due after 22:00); a later aftercare step goes to the nearer side of the night ({@link #nearestDaytime}).
 */
public final class QuietHours {

    public static final LocalTime START = LocalTime.of(22, 0);
    public static final LocalTime END = LocalTime.of(8, 0);
    /** When an aftercare step due late in the evening goes out instead ({@link #nearestDaytime}). */
    static final LocalTime LATE_EVENING_SEND = LocalTime.of(21, 0);

    private QuietHours() {
    }

    /**
     * For a later aftercare step, whose text describes the skin at that many hours: one due late in the
     * evening (22:00 to midnight) goes out at 21:00 that evening, on the day it speaks of, instead of
     * the morning after (a completion at 22:16 had its "one day after" message arrive 34 hours later);
     * one due after midnight waits for 08:00 as before. No step moves by more than eight hours.
     */
    public static Instant nearestDaytime(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        if (!local.toLocalTime().isBefore(START)) {
            return ZonedDateTime.of(local.toLocalDate(), LATE_EVENING_SEND, zone).toInstant();
        }
        return deferIfNight(due, zone);
    }

    public static Instant deferIfNight(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(END)) {
            return ZonedDateTime.of(local.toLocalDate(), END, zone).toInstant();
        }
        if (!time.isBefore(START)) {
            return ZonedDateTime.of(local.toLocalDate().plusDays(1), END, zone).toInstant();
        }
        return due;
    }
}
