package clinic.local.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Work that follows a booking's commit (the Kafka broker carrying its events, content-service
 * planning and sending its e-mails, the SMTP sink receiving them) runs at a lower CPU priority than
 * the request path (booking, screening, PostgreSQL) when everything shares one machine, as the
 * local stack does: a request never waits behind a burst of e-mails, and the e-mails take every
 * cycle the requests leave. In Kubernetes each service has CPU of its own and this does not arise.
 *
 * <p>Linux's idle scheduling class ({@code chrt --idle 0}, util-linux) gives the request path the
 * CPU the moment one of its threads wakes; niceness 10 only weighted the queue, so a request could
 * still wait a time slice behind content-service (docs/performance.md, "Benchmark", 2026-12-03, evening). Where
 * {@code chrt} is missing the work is niced as before. Either way, with nothing else to run the work
 * gets all of the CPU.
 */
public final class AfterTheCommit {

    /** The prefix that starts a command at the lower priority. */
    private static final List<String> LOWER_PRIORITY = onPath("chrt") ? List.of("chrt", "--idle", "0")
            : List.of("nice", "-n", "10");

    private AfterTheCommit() {
    }

    /** The command, started at the lower priority. */
    public static List<String> niced(List<String> command) {
        return Stream.concat(LOWER_PRIORITY.stream(), command.stream()).toList();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
