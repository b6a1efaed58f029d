package clinic.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import clinic.local.infra.test.TestServers;

/** What the real SMTP sink (GreenMail) received, per recipient, decoded into parts. */
public final class Inbox {

    /**
     * One received email. {@code calendarContentType}, {@code calendarDisposition} and
     * {@code calendar} are null without a calendar part; the List-Unsubscribe headers are null
     * when absent.
     */
    public record Received(String messageId, String subject, String from, String text, String html,
            String calendarContentType, String calendarDisposition, String calendar, String listUnsubscribe,
            String listUnsubscribePost) {

        public String everything() {
            return subject + "\n" + text + "\n" + html + "\n" + (calendar == null ? "" : calendar);
        }
    }

    private Inbox() {
    }

    public static List<Received> of(String recipient) {
        return Arrays.stream(TestServers.smtp().greenMail().getReceivedMessages())
                .filter(m -> addressedTo(m, recipient))
                .map(Inbox::decode)
                .toList();
    }

    /** SMTP down: open connections are cut and new ones refused until {@link #startSmtp()}. */
    public static void stopSmtp() {
        SmtpGate.get().close();
    }

    public static void startSmtp() {
        SmtpGate.get().open();
    }

    private static boolean addressedTo(MimeMessage m, String recipient) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received decode(MimeMessage m) {
        try {
            Parts parts = new Parts();
            walk(m, parts);
            return new Received(m.getMessageID(), m.getSubject(), m.getFrom()[0].toString(), parts.text, parts.html,
                    parts.calendarType, parts.calendarDisposition, parts.calendar, m.getHeader("List-Unsubscribe", null),
                    m.getHeader("List-Unsubscribe-Post", null));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot decode a received email", e);
        }
    }

    private static final class Parts {
        String text;
        String html;
        String calendarType;
        String calendarDisposition;
        String calendar;
    }

    private static void walk(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, parts);
            }
        } else if (part.isMimeType("text/calendar") || (part.getFileName() != null && part.getFileName().endsWith(".ics"))) {
            parts.calendarType = part.getContentType();
            parts.calendarDisposition = part.getDisposition();
            parts.calendar = read(part);
        } else if (part.isMimeType("text/plain")) {
            parts.text = read(part);
        } else if (part.isMimeType("text/html")) {
            parts.html = read(part);
        }
    }

    /** The decoded bytes of a part as UTF-8, exactly (line ends included). */
    private static String read(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
