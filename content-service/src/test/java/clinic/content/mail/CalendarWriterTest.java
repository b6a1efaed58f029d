package clinic.content.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import clinic.content.Ics;
import clinic.content.mail.CalendarWriter.CalendarEntry;
import clinic.content.mail.CalendarWriter.Method;

class CalendarWriterTest {

    private static final CalendarEntry ENTRY = new CalendarEntry("appointment-1b4e28ba-2fa1-11d2-883f-0016d3cca427@clinic.local", 3,
            Instant.parse("2030-01-10T08:00:00Z"), Instant.parse("2030-01-15T09:00:00Z"), Instant.parse("2030-01-15T10:00:00Z"),
            "Microneedling at Klinika Zdrowej Skóry, Warszawa; gabinet 2",
            "ul. Przykładowa 1, 00-001 Warszawa",
            "Microneedling with Dr Łucja Żółkiewska-Brzęczyszczykiewicz at Klinika Zdrowej Skóry.\nTo change or cancel, call +48 22 000 00 00.",
            "Klinika \"Zdrowa\" Skóra", "care@clinic.local", "Zofia", "zofia@patients.example.com");

    @Test
    void requestIsValidICalendarWithStableUidAndSequence() {
        String text = CalendarWriter.write(Method.REQUEST, ENTRY);
        Ics ics = Ics.parse(text);
        assertEquals("REQUEST", ics.method());
        assertEquals(ENTRY.uid(), ics.event("UID"));
        assertEquals("3", ics.event("SEQUENCE"));
        assertEquals("20300115T090000Z", ics.event("DTSTART"));
        assertEquals("20300110T080000Z", ics.event("DTSTAMP"));
        assertEquals("CONFIRMED", ics.event("STATUS"));
        // escaped on write, restored by an independent parser
        assertEquals(ENTRY.summary(), ics.event("SUMMARY"));
        assertEquals(ENTRY.description(), ics.event("DESCRIPTION"));
    }

    @Test
    void cancelIsValidICalendarWithTheSameUid() {
        Ics ics = Ics.parse(CalendarWriter.write(Method.CANCEL, ENTRY));
        assertEquals("CANCEL", ics.method());
        assertEquals(ENTRY.uid(), ics.event("UID"));
        assertEquals("CANCELLED", ics.event("STATUS"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain text          | plain text",
            "a,b                 | a\\,b",
            "a;b                 | a\\;b",
            "back\\slash         | back\\\\slash",
    })
    void textIsEscaped(String raw, String escaped) {
        assertEquals(escaped, CalendarWriter.text(raw));
    }

    @Test
    void newlinesAreEscapedAndCarriageReturnsDropped() {
        assertEquals("one\\ntwo", CalendarWriter.text("one\r\ntwo"));
    }

    @Test
    void foldingKeepsLinesWithin75OctetsWithoutSplittingCharacters() {
        String line = "DESCRIPTION:" + "Żółć ".repeat(40);
        String folded = CalendarWriter.fold(line);
        for (String physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, physical);
            assertTrue(!physical.contains("\uFFFD"), "no broken character");
        }
        assertEquals(line, folded.replace("\r\n ", ""), "unfolding restores the line");
    }
}
