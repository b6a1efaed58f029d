package clinic.local.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database itself can commit: pgbench runs a booking-shaped transaction (an insert checked
 * by a GiST exclusion constraint, plus an outbox insert) on the same PostgreSQL server as the
 * clinic, so the services' figures can be read as a share of it. Each insert takes an hour of its
 * own (a sequence), so none is refused however long the run; random hours collided after about
 * 30,000 rows and aborted pgbench.
 */
final class PgBenchAnchor {

    private static final String SCRIPT = """
            \\set resource random(1, 1000)
            BEGIN;
            INSERT INTO bench_slot SELECT gen_random_uuid(), :resource, tstzrange(t, t + interval '60 minutes')
                FROM (SELECT now() + make_interval(mins => (nextval('bench_slot_hour') * 61)::int) AS t) slot;
            INSERT INTO bench_outbox (event_id, payload, created_at)
                VALUES (gen_random_uuid(), '{"type":"AppointmentConfirmed","sequence":1}', now());
            COMMIT;
            """;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final int port;
    private final Path workDir;

    PgBenchAnchor(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    /** Transactions a second with this many clients over the given seconds. */
    double tps(int clients, int seconds) throws IOException, InterruptedException {
        Path script = workDir.resolve("booking-shaped.sql");
        Files.writeString(script, SCRIPT);
        String output = Tools.run(List.of("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds),
                "-f", script.toString(), "booking"));
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
