package clinic.local.infra;

import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;

/**
 * Runs the {@link SmtpSink} in a JVM of its own ({@link SmtpSinkProcess}) until the JVM is told to
 * stop (TERM, which its supervising shell sends when the launcher goes away).
 */
public final class SmtpSinkMain {

    private SmtpSinkMain() {
    }

    /** Arguments: the SMTP port and the IMAP port. */
    public static void main(String[] args) throws InterruptedException {
        nameTheStreamProvider();
        SmtpSink sink = SmtpSink.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "smtp-sink-stop"));
        Thread.currentThread().join();
    }

    /**
     * Jakarta Mail 2.1 looks up its {@link StreamProvider} each time it parses or writes a MIME part
     * (jakarta.mail-api issue 861) through a ServiceLoader, which reads the service files of every jar
     * on the class path: a third of the sink's CPU (docs/performance.md, "Benchmark"). Jakarta Mail reads a system
     * property named after the interface before it asks the ServiceLoader, so the provider found here
     * once, by the same ServiceLoader, is named there; a property already set is left alone. Only in
     * this JVM, which has one class loader: in a JVM of several, a name that a thread's context class
     * loader cannot load would make Jakarta Mail fail rather than look further.
     */
    static void nameTheStreamProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, SmtpSinkMain.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }
}
