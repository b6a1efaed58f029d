package clinic.local.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a patient's inbox over IMAP the way the README tells a person to. */
final class Inbox {

    private Inbox() {
    }

    /** The subjects in the address's inbox, oldest first (empty before the first delivery). */
    static List<String> subjects(int imapPort, String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "3000");
        props.put("mail.imap.timeout", "3000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } catch (MessagingException noMailboxYet) {
            // the sink creates a mailbox on the first delivery; until then login fails
            return List.of();
        }
    }
}
