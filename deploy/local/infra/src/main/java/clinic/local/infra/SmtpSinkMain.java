package clinic.local.infra;

/**
 * Runs the {@link SmtpSink} in a JVM of its own ({@link SmtpSinkProcess}) until the JVM is told to
 * stop (TERM, which its supervising shell sends when the launcher goes away).
 */
public final class SmtpSinkMain {

    private SmtpSinkMain() {
    }

    /** Arguments: the SMTP port and the IMAP port. */
    public static void main(String[] args) throws InterruptedException {
        SmtpSink sink = SmtpSink.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "smtp-sink-stop"));
        Thread.currentThread().join();
    }
}
