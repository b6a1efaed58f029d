package clinic.content.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the RFC 5545 iCalendar object for an appointment invitation (METHOD:REQUEST) or its
 * cancellation (METHOD:CANCEL), with the start and end in the clinic's local time and the zone's
 * VTIMEZONE, so a calendar shows the clinic's wall-clock time even across a daylight-saving change.
 * Hand-written rather than ical4j or biweekly: one VEVENT with a dozen properties needs only text
 * escaping (3.3.11) and line folding (3.1), and a library would bring its time-zone database and
 * validation machinery into the service for that. The tests parse and validate the output with
 * ical4j, so the two readings of the RFC are independent.
 */
public final class CalendarWriter {

    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** iTIP method (RFC 5546). */
    public enum Method { REQUEST, CANCEL }

    /** The event's STATUS in a REQUEST: CONFIRMED, or TENTATIVE while the clinic must confirm it again. */
    public enum Status { CONFIRMED, TENTATIVE }

    /** What the calendar entry says. Start and end are written as local time in {@code zone}. */
    public record CalendarEntry(String uid, long sequence, Instant stamp, Instant start, Instant end, ZoneId zone,
            Status status, String summary, String location, String description,
            String organizerName, String organizerEmail, String attendeeName, String attendeeEmail) {
    }

    private CalendarWriter() {
    }

    public static String write(Method method, CalendarEntry e) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("PRODID:-//Clinic//content-service//EN");
        lines.add("VERSION:2.0");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method.name());
        lines.addAll(VTimeZoneWriter.lines(e.zone()));
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + text(e.uid()));
        lines.add("SEQUENCE:" + e.sequence());
        lines.add("DTSTAMP:" + UTC_DATE_TIME.format(e.stamp()));
        lines.add("DTSTART;TZID=" + e.zone().getId() + ":" + LOCAL_DATE_TIME.format(e.start().atZone(e.zone())));
        lines.add("DTEND;TZID=" + e.zone().getId() + ":" + LOCAL_DATE_TIME.format(e.end().atZone(e.zone())));
        lines.add("SUMMARY:" + text(e.summary()));
        lines.add("LOCATION:" + text(e.location()));
        lines.add("DESCRIPTION:" + text(e.description()));
        lines.add("ORGANIZER;CN=" + param(e.organizerName()) + ":mailto:" + e.organizerEmail());
        lines.add(attendee(e.attendeeName(), e.attendeeEmail()));
        lines.add("STATUS:" + (method == Method.CANCEL ? "CANCELLED" : e.status().name()));
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line)).append(CRLF);
        }
        return out.toString();
    }

    /**
     * The same calendar object with another attendee (a patient's corrected name and address): the
     * folded ATTENDEE line is unfolded, rewritten as {@link #write} writes it, and folded again.
     */
    public static String withAttendee(String calendar, String attendeeName, String attendeeEmail) {
        StringBuilder out = new StringBuilder(calendar.length() + 32);
        for (String line : calendar.replace(CRLF + " ", "").split(CRLF)) {
            String written = line.startsWith("ATTENDEE;") ? attendee(attendeeName, attendeeEmail) : line;
            out.append(fold(written)).append(CRLF);
        }
        return out.toString();
    }

    private static String attendee(String name, String email) {
        return "ATTENDEE;CN=" + param(name) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + email;
    }

    /** TEXT value escaping, RFC 5545 3.3.11. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** A parameter value, always quoted; DQUOTE and control characters cannot appear in one (3.1). */
    static String param(String value) {
        String safe = value == null ? "" : value.replaceAll("[\"\\p{Cntrl}]", "");
        return "\"" + safe + "\"";
    }

    /**
     * Folds a content line into lines of at most 75 octets (UTF-8), continuation lines starting
     * with a space, never splitting a multi-byte character (3.1).
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.append(ch);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
