package clinic.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Enumeration;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.Test;

/** The real servers start, answer, keep their data across a restart and leave nothing listening. */
class LocalServersTest {

    @Test
    void postgresKeepsDataAcrossRestartAndHasBtreeGist() throws Exception {
        Path home = Files.createTempDirectory("pg-test");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = FreePort.find();
        try (PostgresServer server = PostgresServer.start(home, port, false)) {
            server.createDatabases("probe");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("probe"), "postgres", "postgres")) {
                c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
                c.createStatement().execute("CREATE TABLE kept (v int)");
                c.createStatement().execute("INSERT INTO kept VALUES (42)");
            }
        }
        assertTrue(!listening(port), "PostgreSQL still listens after close");
        try (PostgresServer server = PostgresServer.start(home, port, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl("probe"), "postgres", "postgres")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept");
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void kafkaStartsAndStops() throws Exception {
        Path home = Files.createTempDirectory("kafka-test");
        int port = FreePort.find();
        try (KafkaBroker broker = KafkaBroker.start(home, port, FreePort.find(), 1)) {
            assertTrue(listening(port));
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
        }
        assertTrue(!listening(port), "Kafka still listens after close");
    }

    @Test
    void smtpSinkInItsOwnJvmKeepsWhatItReceivesForImapAndStops() throws Exception {
        Path home = Files.createTempDirectory("smtp-test");
        int smtpPort = FreePort.find();
        int imapPort = FreePort.find();
        try (SmtpSinkProcess sink = SmtpSinkProcess.start(home, smtpPort, imapPort)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(smtpPort));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom("clinic@example.com");
            message.setRecipients(Message.RecipientType.TO, "patient@example.com");
            message.setSubject("Your appointment");
            message.setText("See you soon.");
            Transport.send(message);

            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, "patient@example.com", "patient@example.com");
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                assertEquals(1, inbox.getMessageCount());
                assertEquals("Your appointment", inbox.getMessage(1).getSubject());
            } finally {
                store.close();
            }
        }
        assertTrue(!listening(smtpPort), "the SMTP sink still listens after close");
        assertTrue(!listening(imapPort), "the SMTP sink's IMAP still listens after close");
    }

    @Test
    void theSinkJvmNamesJakartaMailsStreamProviderSoNoMimePartSearchesTheClassPathForIt() throws Exception {
        String property = StreamProvider.class.getName();
        String before = System.clearProperty(property);
        ServiceFileReads reads = new ServiceFileReads(getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(reads);
        try {
            StreamProvider.provider();
            assertTrue(reads.count > 0, "without a name, Jakarta Mail reads the service files (the count works)");

            SmtpSinkMain.nameTheStreamProvider();
            reads.count = 0;
            StreamProvider found = StreamProvider.provider();
            assertEquals(0, reads.count, "named, a MIME part's lookup reads no service file");
            assertEquals(System.getProperty(property), found.getClass().getName());
        } finally {
            thread.setContextClassLoader(context);
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /** Counts how often Jakarta Mail's stream provider is looked up in the service files. */
    private static final class ServiceFileReads extends ClassLoader {
        private static final String FILE = "META-INF/services/" + StreamProvider.class.getName();
        int count;

        ServiceFileReads(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (FILE.equals(name)) {
                count++;
            }
            return super.getResources(name);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 2000; i++) {
            String id = KafkaBroker.clusterId();
            assertEquals(22, id.length());
            assertTrue(!id.startsWith("-"), id);
        }
    }
}
