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
