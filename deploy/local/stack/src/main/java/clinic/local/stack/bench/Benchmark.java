package clinic.local.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import clinic.local.infra.ExternalServers;
import clinic.local.stack.ClinicStack;
import clinic.local.stack.ProcStatus;
import clinic.local.stack.ScratchDirectory;
import clinic.local.stack.StackSettings;

/**
 * The clinic's speed on this machine, measured from outside against the packaged services with the
 * whole stack running (deploy/local/benchmark). First what the database itself commits (pgbench,
 * booking-shaped transaction), then bookings in a closed loop (wrk, 1 and 16 connections) and at a
 * constant 100 a second, availability for twenty practitioners over 31 days, and each service's
 * resident memory. Each figure is printed with its ratio to the pgbench anchor. Not a test: it
 * asserts nothing; read the figures.
 */
public final class Benchmark {

    private static final String FRONT_DESK = "Basic " + Base64.getEncoder()
            .encodeToString("frontdesk:frontdesk".getBytes(StandardCharsets.UTF_8));
    private static final int SECONDS = Integer.getInteger("clinic.bench.seconds", 20);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Tools.require("pgbench", "postgresql-client");
        Tools.require("wrk", "wrk");
        Path home = Path.of(System.getProperty("clinic.home", ".")).toAbsolutePath().normalize();
        try (ScratchDirectory data = ScratchDirectory.create("clinic-bench")) {
            System.out.println("Starting a throw-away clinic (PostgreSQL, Kafka, SMTP sink, three services) in " + data.path());
            try (ClinicStack stack = ClinicStack.start(StackSettings.onFreePorts(home, data.path()))) {
                run(stack, data.path());
            }
        }
    }

    private static void run(ClinicStack stack, Path work) throws Exception {
        String baseUrl = stack.settings().bookingUrl();
        BenchData data = new BenchData(stack.jdbcUrl("booking"), stack.jdbcUrl("screening"), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword());
        Report report = new Report();

        System.out.println("Loading the data...");
        data.createAnchorTables();
        BenchData.Team demoHours = data.demoHoursTeam();
        BenchData.Team longHours = data.longHoursTeam();
        LocalDate from = BenchData.availabilityStart();
        data.seedBusyTime(demoHours, from, 31);
        data.seedBusyTime(longHours, from, 31);
        int perRun = Math.max(2000, SECONDS * 700);
        List<String> bookings = data.bookingRequests(longHours, 3 * perRun + 100 * SECONDS);

        System.out.println("pgbench: the booking-shaped transaction on the same PostgreSQL...");
        PgBenchAnchor pgbench = new PgBenchAnchor(stack.settings().postgresPort(), work);
        double anchor1 = pgbench.tps(1, SECONDS);
        double anchor16 = pgbench.tps(16, SECONDS);
        report.anchor(anchor1, anchor16);

        System.out.println("Availability...");
        // after pgbench's inserts (and the data load) PostgreSQL's autovacuum and checkpointer still work
        awaitQuiet();
        AvailabilityLoad availability = new AvailabilityLoad(baseUrl, FRONT_DESK);
        String month = "procedure=MICRONEEDLING&from=" + from + "&to=" + from.plusDays(30);
        data.activate(demoHours);
        report.availability("20 practitioners x 31 days, demo clinic's hours", availability.run(month, 1500, 2000), 30);
        data.activate(longHours);
        report.availability("20 practitioners x 31 days, 07:00-22:00 every day",
                availability.run("procedure=CONSULTATION&from=" + from + "&to=" + from.plusDays(30), 500, 1000), 100);

        System.out.println("Bookings: closed loop (wrk) and constant rate...");
        WrkLoad wrk = new WrkLoad(baseUrl, work);
        // a short run first, so the JIT has compiled the booking path before anything is measured;
        // each run starts after the requests the one before handed out, so the bookings stay on the
        // first days, within the clean intakes' validity; each measured run starts on a quiet machine,
        // after the work the run before left behind
        int next = wrk.run(bookings.subList(0, perRun / 2), 4, Math.max(5, SECONDS / 2)).used();
        awaitQuiet();
        WrkLoad.Result one = wrk.run(bookings.subList(next, next + perRun / 2), 1, SECONDS);
        report.closedLoop(1, one);
        next += one.used();
        awaitQuiet();
        WhereTheTimeGoes profile = new WhereTheTimeGoes(stack, stack.jdbcUrl("postgres"), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword());
        profile.start();
        WrkLoad.Result sixteen = wrk.run(bookings.subList(next, next + perRun), 16, SECONDS);
        // the CPU per booking includes what the bookings left to do after the run (content's e-mails above all)
        awaitQuiet();
        String whereTheTimeWent = profile.report(sixteen.created());
        report.closedLoop(16, sixteen);
        next += sixteen.used();
        report.openModel(100, new OpenLoad(baseUrl, FRONT_DESK).run(bookings.subList(next, bookings.size()), 100, SECONDS));

        for (String service : List.of("booking-service", "screening-service", "content-service")) {
            report.memory(service, stack.residentKilobytes(service));
        }
        System.out.println(report.text());
        System.out.println("In the closed loop with 16 connections, counted until the machine was quiet again (so with the e-mails "
                + "sent after the run):" + whereTheTimeWent);
    }

    private static void awaitQuiet() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "  (%.0f s until the machine was quiet again)%n", QuietMachine.await().toMillis() / 1000.0);
    }

    /** The figures, each with its ratio to the pgbench anchor, in the order they were measured. */
    private static final class Report {

        private final StringBuilder text = new StringBuilder();
        private final String startLoad = ProcStatus.loadAverage();
        private double anchor1;
        private double anchor16;

        void anchor(double tps1, double tps16) {
            anchor1 = tps1;
            anchor16 = tps16;
            line("pgbench, booking-shaped transaction, 1 client", "%.0f tps (%.2f ms each)", tps1, 1000 / tps1);
            line("pgbench, booking-shaped transaction, 16 clients", "%.0f tps", tps16);
        }

        void availability(String what, AvailabilityLoad.Result r, int targetMillis) {
            line("availability, " + what, "%d slots (%d kB): p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= %d ms); "
                    + "p99 = %.0f x one pgbench transaction", r.slots(), r.kilobytes(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
                    targetMillis, r.p99Millis() / (1000 / anchor1));
        }

        void closedLoop(int connections, WrkLoad.Result r) {
            line("bookings, closed loop, " + connections + " connection(s)", "%.0f confirmed/s (%d confirmed, %d other): "
                    + "p50 %.1f ms, p99 %.1f ms; %.1f %% of pgbench's %d-client tps", r.confirmedPerSecond(), r.created(), r.other(),
                    r.p50Millis(), r.p99Millis(), 100 * r.confirmedPerSecond() / (connections == 1 ? anchor1 : anchor16),
                    connections == 1 ? 1 : 16);
        }

        void openModel(int perSecond, OpenLoad.Result r) {
            line("bookings, constant " + perSecond + "/s (open model)", "%d sent, %d confirmed, %d other: p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms (target p99 <= 50 ms); p99 = %.0f x one pgbench transaction", r.sent(),
                    r.confirmed(), r.other(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.p99Millis() / (1000 / anchor1));
        }

        void memory(String service, long kilobytes) {
            line("resident memory, " + service, "%d MB (no pgbench ratio: the database is not a JVM)", kilobytes / 1024);
        }

        private void line(String what, String format, Object... values) {
            text.append(String.format(Locale.ROOT, "  %-62s %s%n", what, String.format(Locale.ROOT, format, values)));
        }

        String text() {
            return "\nBENCHMARK " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, whole stack on this machine"
                    + " (load average " + startLoad + " at the start, " + ProcStatus.loadAverage() + " at the end)\n" + text;
        }
    }
}
