package clinic.content.mail;

/** A rendered email: subject, both bodies, and the iCalendar attachment if any. */
public record RenderedMail(String subject, String text, String html, String calendar) {
}
