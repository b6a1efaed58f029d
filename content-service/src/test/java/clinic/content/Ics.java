package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads iCalendar text with ical4j (an independent implementation) and checks RFC 5545 framing. */
public final class Ics {

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
}
