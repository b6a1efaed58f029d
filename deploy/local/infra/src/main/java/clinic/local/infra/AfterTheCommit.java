package clinic.local.infra;

import java.util.List;

/**
 * Work that follows a booking's commit (the Kafka broker carrying its events, content-service
 * planning and sending its e-mails, the SMTP sink receiving them) runs at a lower CPU priority than
 * the request path (booking, screening, PostgreSQL) when everything shares one machine, as the
 * local stack does: a request never waits behind a burst of e-mails, and the e-mails take every
 * cycle the requests leave. In Kubernetes each service has CPU of its own and this does not arise.
 * Niceness 10 only orders the queue for the CPU: with nothing else to run, the work gets all of it.
 */
public final class AfterTheCommit {

    /** The prefix that starts a command at the lower priority. */
    private static final List<String> NICE = List.of("nice", "-n", "10");

    private AfterTheCommit() {
    }

    /** The command, started at the lower priority. */
    public static List<String> niced(List<String> command) {
        return java.util.stream.Stream.concat(NICE.stream(), command.stream()).toList();
    }
}
