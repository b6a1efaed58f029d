package clinic.content;

import clinic.local.infra.test.TestServers;

/** The gate in front of the real SMTP sink (GreenMail), shared by every test of this JVM. */
public final class SmtpGate {

    private static TcpGate instance;

    private SmtpGate() {
    }

    public static synchronized TcpGate get() {
        if (instance == null) {
            instance = new TcpGate("smtp", "127.0.0.1", TestServers.smtp().smtpPort());
        }
        return instance;
    }
}
