package clinic.content.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;

import clinic.content.Ics;
import clinic.content.mail.CalendarWriter.CalendarEntry;
import clinic.content.mail.CalendarWriter.Method;
import clinic.content.mail.CalendarWriter.Status;

class CalendarWriterTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final CalendarEntry ENTRY = entry(WARSAW, Instant.parse("2030-01-15T09:00:00Z"), Status.CONFIRMED);

    private static CalendarEntry entry(ZoneId zone, Instant start, Status status) {
        return new CalendarEntry("appointment-1b4e28ba-2fa1-11d2-883f-0016d3cca427@clinic.local", 3,
                Instant.parse("2030-01-10T08:00:00Z"), start, start.plus(1, ChronoUnit.HOURS), zone, status,
                "Microneedling at Klinika Zdrowej Skóry, Warszawa; gabinet 2",
                "ul. Przykładowa 1, 00-001 Warszawa",
                "Microneedling with Dr Łucja Żółkiewska-Brzęczyszczykiewicz at Klinika Zdrowej Skóry.\nTo change or cancel, call +48 22 000 00 00.",
                "Klinika \"Zdrowa\" Skóra", "care@clinic.local", "Zofia", "zofia@patients.example.com");
    }

    @Test
    void requestIsValidICalendarWithStableUidSequenceAndLocalTimeInTheClinicsZone() {
        String text = CalendarWriter.write(Method.REQUEST, ENTRY);
        Ics ics = Ics.parse(text);
        assertEquals("REQUEST", ics.method());
        assertEquals(ENTRY.uid(), ics.event("UID"));
        assertEquals("3", ics.event("SEQUENCE"));
        assertEquals("20300115T100000", ics.event("DTSTART"), "10:00 in Warsaw (CET) is 09:00 UTC");
        assertEquals("Europe/Warsaw", ics.eventParameter("DTSTART", "TZID"));
        assertEquals(ENTRY.start(), ics.start());
        assertEquals(ENTRY.end(), ics.end());
        assertEquals("20300110T080000Z", ics.event("DTSTAMP"));
        assertEquals("CONFIRMED", ics.event("STATUS"));
        // escaped on write, restored by an independent parser
        assertEquals(ENTRY.summary(), ics.event("SUMMARY"));
        assertEquals(ENTRY.description(), ics.event("DESCRIPTION"));
    }

    @Test
    void aCorrectedAttendeeReplacesTheFoldedLineAndNothingElse() {
        String written = CalendarWriter.write(Method.REQUEST, ENTRY);
        String name = "Zuzanna Małgorzata \"Zuzia\" Brzęczyszczykiewicz-Żółkiewska";
        String readdressed = CalendarWriter.withAttendee(written, name, "zuzanna.brzeczyszczykiewicz@patients.example.com");
        Ics ics = Ics.parse(readdressed);
        assertEquals("mailto:zuzanna.brzeczyszczykiewicz@patients.example.com", ics.event("ATTENDEE"));
        assertEquals("Zuzanna Małgorzata Zuzia Brzęczyszczykiewicz-Żółkiewska", ics.eventParameter("ATTENDEE", "CN"));
        assertEquals(ENTRY.description(), ics.event("DESCRIPTION"));
        assertEquals(ENTRY.uid(), ics.event("UID"));
        for (String line : readdressed.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals(written.replace("\r\n ", "").replaceAll("ATTENDEE;[^\r]*", ""),
                readdressed.replace("\r\n ", "").replaceAll("ATTENDEE;[^\r]*", ""), "only the attendee changes");
    }

    @Test
    void aRequestCanMarkTheEntryTentative() {
        Ics ics = Ics.parse(CalendarWriter.write(Method.REQUEST,
                entry(WARSAW, Instant.parse("2030-07-15T08:00:00Z"), Status.TENTATIVE)));
        assertEquals("TENTATIVE", ics.event("STATUS"));
        assertEquals("20300715T100000", ics.event("DTSTART"), "10:00 in Warsaw (CEST) is 08:00 UTC");
    }

    @Test
    void cancelIsValidICalendarWithTheSameUid() {
        Ics ics = Ics.parse(CalendarWriter.write(Method.CANCEL, ENTRY));
        assertEquals("CANCEL", ics.method());
        assertEquals(ENTRY.uid(), ics.event("UID"));
        assertEquals("CANCELLED", ics.event("STATUS"));
    }

    /**
     * The VTIMEZONE's observances, expanded by ical4j from our RRULEs, change the clock at exactly
     * the local times and between exactly the offsets java.time's rules do, every year for ten years.
     */
    @ParameterizedTest
    @ValueSource(strings = { "Europe/Warsaw", "Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago",
            "Pacific/Chatham" })
    void theTimeZoneChangesTheClockWhenJavaTimeDoes(String id) {
        ZoneId zone = ZoneId.of(id);
        VTimeZone vtz = Ics.parse(CalendarWriter.write(Method.REQUEST, entry(zone, Instant.parse("2030-01-15T09:00:00Z"),
                Status.CONFIRMED))).timeZone();
        Set<String> ours = new TreeSet<>();
        for (Observance observance : vtz.getObservances()) {
            LocalDateTime onset = observance.getStartDate().getDate();
            RRule<LocalDateTime> rule = observance.<RRule<LocalDateTime>>getProperty(Property.RRULE).orElseThrow();
            for (LocalDateTime change : rule.getRecur().getDates(onset, LocalDateTime.of(2027, 1, 1, 0, 0),
                    LocalDateTime.of(2037, 1, 1, 0, 0))) {
                ours.add(change + " " + observance.getTimeZoneOffsetFrom().getOffset() + " -> "
                        + observance.getTimeZoneOffsetTo().getOffset());
            }
        }
        Set<String> theirs = new TreeSet<>();
        for (int year = 2027; year <= 2036; year++) {
            for (ZoneOffsetTransitionRule rule : zone.getRules().getTransitionRules()) {
                ZoneOffsetTransition change = rule.createTransition(year);
                theirs.add(change.getDateTimeBefore() + " " + change.getOffsetBefore() + " -> " + change.getOffsetAfter());
            }
        }
        assertEquals(theirs, ours);
    }

    /** Away from the changes of the clock, ical4j finds in force the offset java.time gives (a zone without them, too). */
    @ParameterizedTest
    @ValueSource(strings = { "Europe/Warsaw", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "UTC" })
    void theTimeZoneGivesEachMonthItsOffset(String id) {
        ZoneId zone = ZoneId.of(id);
        Ics ics = Ics.parse(CalendarWriter.write(Method.REQUEST, entry(zone, Instant.parse("2030-01-15T09:00:00Z"),
                Status.CONFIRMED)));
        for (int year = 2027; year <= 2036; year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDateTime local = LocalDateTime.of(year, month, 15, 12, 0);
                assertEquals(zone.getRules().getOffset(local), ics.offsetAt(local), id + " at " + local);
            }
        }
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
