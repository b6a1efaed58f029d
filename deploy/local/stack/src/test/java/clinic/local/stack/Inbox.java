package clinic.local.stack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a patient's inbox over IMAP the way the README tells a person to. */
public final class Inbox {

    private Inbox() {
    }

    /** What is read of each message. */
    private interface Reading<T> {
        T read(Message message) throws MessagingException, IOException;
    }

    /** The subjects in the address's inbox, oldest first (empty before the first delivery). */
    public static List<String> subjects(int imapPort, String address) {
        return read(imapPort, address, Message::getSubject);
    }

    /** The text of every part of each message (plain, HTML, calendar), oldest first. */
    public static List<String> bodies(int imapPort, String address) {
        return read(imapPort, address, Inbox::text);
    }

    /** A calendar part of a message: its content type (with the iTIP method), disposition and text. */
    record CalendarPart(String subject, String contentType, String disposition, String text) {
    }

    /** The calendar part of each message that has one, oldest first. */
    static List<CalendarPart> calendars(int imapPort, String address) {
        return read(imapPort, address, message -> calendarOf(message, message.getSubject())).stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The Message-ID of each message, oldest first. */
    static List<String> messageIds(int imapPort, String address) {
        return read(imapPort, address, message -> message.getHeader("Message-ID")[0]);
    }

    private static CalendarPart calendarOf(Part part, String subject) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                CalendarPart found = calendarOf(multipart.getBodyPart(i), subject);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!part.isMimeType("text/calendar")) {
            return null;
        }
        try (java.io.InputStream in = part.getInputStream()) {
            return new CalendarPart(subject, part.getContentType(), part.getDisposition(),
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static <T> List<T> read(int imapPort, String address, Reading<T> reading) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "3000");
        props.put("mail.imap.timeout", "3000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<T> values = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                values.add(reading.read(message));
            }
            inbox.close(false);
            return values;
        } catch (MessagingException | IOException noMailboxYet) {
            // the sink creates a mailbox on the first delivery; until then login fails
            return List.of();
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.append(text(child)).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
