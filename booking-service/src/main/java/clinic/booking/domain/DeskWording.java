package clinic.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the sentences booking writes for the front desk (a refusal's detail) name a day, a time and an
 * appointment's status: in the clinic's zone and the way the screens show them ("Thu, 10 Dec 2026,
 * 09:00", "on hold"), not as ISO values or enum names.
 */
public final class DeskWording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private DeskWording() {
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    public static String dayAndTime(Instant instant, ZoneId zone) {
        return day(instant.atZone(zone).toLocalDate()) + ", " + time(instant, zone);
    }

    /** A day, or a run of days ("Thu, 24 Dec 2026 to Sat, 26 Dec 2026"). */
    public static String days(LocalDate first, LocalDate last) {
        return first.equals(last) ? day(first) : day(first) + " to " + day(last);
    }

    /**
     * A stretch of time: whole days as days ("on Tue, 8 Dec 2026", "from Tue, 8 Dec 2026 to Wed, 9 Dec
     * 2026"), hours within a day as "on Tue, 8 Dec 2026, 08:00 to 12:00" (or "from 15:00" to its end),
     * otherwise "from ... to ...".
     */
    public static String period(Instant from, Instant to, ZoneId zone) {
        var start = from.atZone(zone);
        var end = to.atZone(zone);
        if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            LocalDate last = end.toLocalDate().minusDays(1);
            return (start.toLocalDate().equals(last) ? "on " : "from ") + days(start.toLocalDate(), last);
        }
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return "on " + dayAndTime(from, zone) + " to " + time(to, zone);
        }
        if (end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(start.toLocalDate().plusDays(1))) {
            return "on " + day(start.toLocalDate()) + " from " + time(from, zone);
        }
        return "from " + dayAndTime(from, zone) + " to " + dayAndTime(to, zone);
    }

    public static String status(AppointmentStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
