package clinic.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local stack's {@link SmtpSink} in a JVM of its own, started at the lower priority of the work
 * that follows a booking's commit ({@link AfterTheCommit}): receiving the clinic's e-mails stands in
 * for the clinic's mail server, which in production is another machine. Out of the launcher's JVM,
 * the sink's threads and collections no longer share a JVM with the benchmark's load generator,
 * and the sink takes the CPU the requests leave, as content-service, which sends to it, does.
 * The tests' sink stays in their own JVM ({@link clinic.local.infra.test.TestServers}), where they
 * read what it received directly.
 */
public final class SmtpSinkProcess implements AutoCloseable {

    private final ServerProcess process;

    private SmtpSinkProcess(ServerProcess process) {
        this.process = process;
    }

    /** Starts the sink on the two ports, with its log in {@code home}, and waits until both listen. */
    public static SmtpSinkProcess start(Path home, int smtpPort, int imapPort) throws IOException {
        Files.createDirectories(home);
        // this JVM's own class path holds the sink (infra and GreenMail), as it does for the stack's launcher;
        // with the server compiler (JDK default), which takes less CPU per message (docs/performance.md, "Benchmark")
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SmtpSinkMain.class.getName(), String.valueOf(smtpPort), String.valueOf(imapPort));
        ServerProcess process = ServerProcess.supervised("SMTP sink", "TERM", AfterTheCommit.niced(command),
                home.resolve("smtp-sink.log"), false);
        try {
            process.awaitListening("127.0.0.1", smtpPort, Duration.ofSeconds(60));
            process.awaitListening("127.0.0.1", imapPort, Duration.ofSeconds(60));
        } catch (IOException e) {
            process.close();
            throw e;
        }
        return new SmtpSinkProcess(process);
    }

    @Override
    public void close() {
        process.close();
    }
}
