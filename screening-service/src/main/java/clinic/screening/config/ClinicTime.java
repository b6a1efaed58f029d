package clinic.screening.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

/** Converts between instants and the clinic's calendar: every rule counts days in the clinic zone. */
@ApplicationScoped
public class ClinicTime {

    private final Clock clock;
    private final ZoneId zone;

    public ClinicTime(Clock clock, ClinicConfig config) {
        this.clock = clock;
        this.zone = config.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dayOf(OffsetDateTime dateTime) {
        return dateTime.atZoneSameInstant(zone).toLocalDate();
    }

    /** Local midnight of a clinic day (or the first instant of it when a DST gap swallows midnight). */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** A date-time in the clinic's offset, always with seconds, for stored audit text. */
    public String iso(OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.atZoneSameInstant(zone).toOffsetDateTime());
    }

    public OffsetDateTime render(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
