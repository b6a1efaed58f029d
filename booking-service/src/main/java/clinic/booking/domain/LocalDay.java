package clinic.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * One clinic-local date, turning its times of day into instants. On a day none of whose times a
 * clock change skips or repeats every time has the day's one offset, which is simple arithmetic; on
 * any other day each time is asked of the zone's rules, as {@link ZonedDateTime#of} does (a time in a
 * gap moves forward, one in an overlap takes the earlier offset). A month of availability turns the
 * same few times into instants for every practitioner on every day, and asking the zone's rules each
 * time was a tenth of booking's CPU for such an answer (JFR, deploy/local/benchmark's data).
 */
public final class LocalDay {

    private final LocalDate date;
    private final ZoneId zone;
    /** The offset of the whole day, or null on a day a clock change touches. */
    private final ZoneOffset offset;

    private LocalDay(LocalDate date, ZoneId zone, ZoneOffset offset) {
        this.date = date;
        this.zone = zone;
        this.offset = offset;
    }

    public static LocalDay of(LocalDate date, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDateTime dayStart = date.atStartOfDay();
        LocalDateTime nextDayStart = dayStart.plusDays(1);
        // every change whose local times could touch this date lies between its earliest and latest midnight
        Instant searchEnd = nextDayStart.toInstant(ZoneOffset.MIN);
        for (ZoneOffsetTransition change = rules.nextTransition(dayStart.toInstant(ZoneOffset.MAX).minusNanos(1));
                change != null && change.getInstant().isBefore(searchEnd); change = rules.nextTransition(change.getInstant())) {
            // the local times the change skips or repeats, whichever way the clocks went
            boolean gap = change.isGap();
            LocalDateTime affectedFrom = gap ? change.getDateTimeBefore() : change.getDateTimeAfter();
            LocalDateTime affectedTo = gap ? change.getDateTimeAfter() : change.getDateTimeBefore();
            if (affectedFrom.isBefore(nextDayStart) && affectedTo.isAfter(dayStart)) {
                return new LocalDay(date, zone, null);
            }
        }
        return new LocalDay(date, zone, rules.getOffset(dayStart));
    }

    public LocalDate date() {
        return date;
    }

    /** The instant this time of day is on this date, in the clinic's zone. */
    public Instant at(LocalTime time) {
        return offset != null ? date.atTime(time).toInstant(offset) : ZonedDateTime.of(date, time, zone).toInstant();
    }
}
