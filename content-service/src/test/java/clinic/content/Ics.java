package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads iCalendar text with ical4j (an independent implementation) and checks RFC 5545 framing. */
public final class Ics {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Calendar calendar;
    private final Component event;

    private Ics(Calendar calendar) {
        this.calendar = calendar;
        this.event = calendar.getComponent(Component.VEVENT).orElseThrow(() -> new AssertionError("no VEVENT"));
    }

    /** Parses and validates (including the iTIP rules of its METHOD); fails the test on any error. */
    public static Ics parse(String text) {
        assertFramed(text);
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            ValidationResult result = calendar.validate();
            assertFalse(result.hasErrors(), "iCalendar validation: " + result);
            return new Ics(calendar);
        } catch (Exception e) {
            throw new AssertionError("not a valid iCalendar object: " + e.getMessage() + "\n" + text, e);
        }
    }

    /** CRLF after every line, no line over 75 octets (RFC 5545 3.1). */
    public static void assertFramed(String text) {
        assertTrue(text.endsWith("\r\n"), "ends with CRLF");
        String[] lines = text.split("\r\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            assertFalse(line.contains("\n") || line.contains("\r"), "bare LF or CR in line " + i);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "line " + i + " longer than 75 octets: " + line);
        }
        assertEquals("", lines[lines.length - 1]);
    }

    public String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    public String event(String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    public String eventParameter(String property, String parameter) {
        return event.getProperty(property).flatMap(p -> ((Property) p).getParameter(parameter))
                .map(p -> ((Parameter) p).getValue()).orElse(null);
    }

    /** The calendar's VTIMEZONE, as ical4j read it. */
    public VTimeZone timeZone() {
        return calendar.getComponent(Component.VTIMEZONE).map(VTimeZone.class::cast)
                .orElseThrow(() -> new AssertionError("no VTIMEZONE"));
    }

    /** DTSTART as an instant, through the offsets of the VTIMEZONE the calendar itself carries. */
    public Instant start() {
        return instant("DTSTART");
    }

    public Instant end() {
        return instant("DTEND");
    }

    /**
     * The UTC offset the calendar's VTIMEZONE gives a local date-time: the offset of an observance
     * that, read at that local time with its own offset, is the one ical4j finds in force then.
     * (ical4j 4.1 places each onset as if its local time were UTC, so within a few hours of a
     * change of the clock its answer is off; appointments and tests keep away from those hours.)
     */
    public ZoneOffset offsetAt(LocalDateTime local) {
        VTimeZone zone = timeZone();
        for (Observance candidate : zone.getObservances()) {
            ZoneOffset offset = candidate.getTimeZoneOffsetTo().getOffset();
            Observance applicable = zone.getApplicableObservance(local.atOffset(offset));
            if (applicable != null && applicable.getTimeZoneOffsetTo().getOffset().equals(offset)) {
                return offset;
            }
        }
        throw new AssertionError("no observance of the VTIMEZONE applies at " + local);
    }

    private Instant instant(String property) {
        String value = event(property);
        assertEquals(timeZone().getTimeZoneId().getValue(), eventParameter(property, "TZID"), property + " names the VTIMEZONE");
        LocalDateTime local = LocalDateTime.parse(value, LOCAL);
        return local.toInstant(offsetAt(local));
    }
}
