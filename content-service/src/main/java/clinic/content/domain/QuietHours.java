package clinic.content.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Nobody gets a non-essential email at night (a later aftercare step, a reminder): one due between
 * 22:00 and 08:00 in the clinic's zone goes out at the following 08:00 local (next day's when due
 * after 22:00).
 */
public final class QuietHours {

    public static final LocalTime START = LocalTime.of(22, 0);
    public static final LocalTime END = LocalTime.of(8, 0);

    private QuietHours() {
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
