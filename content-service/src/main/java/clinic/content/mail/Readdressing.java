package clinic.content.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.Escaper;

/**
 * A message rendered for a patient, readdressed after a correction of their contact data: the
 * greeting ("Dear …," as every template writes it, plain and HTML) and the calendar entry's attendee
 * take the corrected first name and address. Nothing else in a message names the patient.
 */
public final class Readdressing {

    private static final Pattern TEXT_GREETING = Pattern.compile("(?m)^Dear [^\\r\\n]*,$");
    private static final Pattern HTML_GREETING = Pattern.compile("<p>Dear [^<]*,</p>");
    // as Qute escapes an expression in an .html template
    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    private Readdressing() {
    }

    public static String text(String body, String firstName) {
        return TEXT_GREETING.matcher(body).replaceFirst(Matcher.quoteReplacement("Dear " + firstName + ","));
    }

    public static String html(String body, String firstName) {
        return HTML_GREETING.matcher(body).replaceFirst(Matcher.quoteReplacement("<p>Dear " + HTML.escape(firstName) + ",</p>"));
    }

    /** The calendar entry with the patient as attendee; null stays null (a message without one). */
    public static String calendar(String calendar, String firstName, String email) {
        return calendar == null ? null : CalendarWriter.withAttendee(calendar, firstName, email);
    }
}
