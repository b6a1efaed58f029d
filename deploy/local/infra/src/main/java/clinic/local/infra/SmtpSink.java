package clinic.local.infra;

import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that keeps every message, readable over IMAP.
 *
 * <p>A mailbox is created for each recipient on first delivery; log in over IMAP with the
 * recipient address as both user name and password.
 */
public final class SmtpSink implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private SmtpSink(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static SmtpSink start(int smtpPort, int imapPort) {
        nameTheStreamProvider();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        return new SmtpSink(greenMail, smtpPort, imapPort);
    }

    /**
     * Jakarta Mail 2.1 looks up its {@link StreamProvider} each time it parses or writes a MIME part
     * (jakarta.mail-api issue 861), through a ServiceLoader that reads the service files of every jar
     * on the class path. GreenMail parses every part it stores, and that lookup was a third of the
     * sink's CPU (JFR; 1.6 ms of CPU per message, 1.0 ms with this). Jakarta Mail reads a system
     * property named after the interface before it asks the ServiceLoader, so the provider found
     * here once, by the same ServiceLoader, is named there; a property already set is left alone.
     */
    private static void nameTheStreamProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, SmtpSink.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
