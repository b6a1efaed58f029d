package clinic.local.stack.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.ProcStatus;

/**
 * Where the time of one measured run goes, per confirmed booking: the CPU each service's JVM used,
 * what PostgreSQL, Kafka and the benchmark's own JVM used, what the rest of the machine used,
 * PostgreSQL's statements by their total time with planning (pg_stat_statements, which the local
 * stack's PostgreSQL preloads with planning tracked), each with its calls per booking, and each
 * database's commits and new sessions. Started before the run and read after it.
 */
final class WhereTheTimeGoes {

    private static final List<String> SERVICES = List.of("booking-service", "screening-service", "content-service");
    private static final int STATEMENTS = 20;

    private final ClinicStack stack;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final long[] serviceCpuBefore = new long[SERVICES.size()];
    private long machineBefore;
    private long stolenBefore;
    private Map<String, Long> othersBefore;
    private Map<String, DatabaseCounters> databasesBefore = Map.of();
    private String statementsUnavailable;

    WhereTheTimeGoes(ClinicStack stack, String jdbcUrl, String user, String password) {
        this.stack = stack;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void start() throws IOException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
            databasesBefore = databaseCounters(sql);
        } catch (SQLException e) {
            // a PostgreSQL of the clinic's own (CLINIC_POSTGRES_URL) may not preload the extension
            statementsUnavailable = e.getMessage();
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            serviceCpuBefore[i] = stack.cpuMillis(SERVICES.get(i));
        }
        othersBefore = OtherProcesses.cpuMillis();
        machineBefore = ProcStatus.machineBusyMillis();
        stolenBefore = ProcStatus.machineStolenMillis();
    }

    String report(long bookings) throws IOException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nWHERE THE TIME GOES, per confirmed booking (%d):%n", bookings));
        long services = 0;
        for (int i = 0; i < SERVICES.size(); i++) {
            long used = stack.cpuMillis(SERVICES.get(i)) - serviceCpuBefore[i];
            services += used;
            text.append(String.format(Locale.ROOT, "  CPU, %-44s %6.2f ms%n", SERVICES.get(i), perBooking(used, bookings)));
        }
        long rest = ProcStatus.machineBusyMillis() - machineBefore - services;
        for (Map.Entry<String, Long> other : OtherProcesses.cpuMillis().entrySet()) {
            long used = other.getValue() - othersBefore.get(other.getKey());
            rest -= used;
            text.append(String.format(Locale.ROOT, "  CPU, %-44s %6.2f ms%n", other.getKey(), perBooking(used, bookings)));
        }
        // a virtual machine's cores can be taken by the hypervisor while they have work: counted
        // apart, so that a run on a busy host can be told from slower code
        long stolen = ProcStatus.machineStolenMillis() - stolenBefore;
        rest -= stolen;
        text.append(String.format(Locale.ROOT, "  CPU, %-44s %6.2f ms%n", "everything else (wrk, the kernel, ...)",
                perBooking(rest, bookings)));
        text.append(String.format(Locale.ROOT, "  CPU, %-44s %6.2f ms%n", "taken by the hypervisor (steal)",
                perBooking(stolen, bookings)));
        if (statementsUnavailable != null) {
            return text.append("  statements: pg_stat_statements is not available (").append(statementsUnavailable).append(")\n").toString();
        }
        text.append(String.format(Locale.ROOT,
                "  PostgreSQL statements by total time, planning included (calls and ms per booking, mean ms per call):%n"));
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT d.datname, s.calls, s.total_exec_time + s.total_plan_time, s.total_plan_time, s.query
                      FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     WHERE s.query NOT LIKE '%pg_stat_statements%'
                     ORDER BY 3 DESC""" + " LIMIT " + STATEMENTS)) {
                while (rows.next()) {
                    long calls = Math.max(1, rows.getLong(2));
                    text.append(String.format(Locale.ROOT, "  %-10s %6.2f calls %6.3f ms  mean %6.3f ms (planning %6.3f)  %s%n",
                            rows.getString(1), perBooking(rows.getLong(2), bookings), rows.getDouble(3) / Math.max(1, bookings),
                            rows.getDouble(3) / calls, rows.getDouble(4) / calls, oneLine(rows.getString(5))));
                }
            }
            Map<String, DatabaseCounters> databasesAfter = databaseCounters(sql);
            try (ResultSet totals = sql.executeQuery("""
                    SELECT d.datname, sum(s.calls), sum(s.total_exec_time), sum(s.total_plan_time)
                      FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     WHERE s.query NOT LIKE '%pg_stat_statements%' GROUP BY d.datname ORDER BY 3 DESC""")) {
                while (totals.next()) {
                    DatabaseCounters before = databasesBefore.getOrDefault(totals.getString(1), DatabaseCounters.NONE);
                    DatabaseCounters after = databasesAfter.getOrDefault(totals.getString(1), DatabaseCounters.NONE);
                    text.append(String.format(Locale.ROOT,
                            "  all of %-10s %6.2f statements %6.3f ms executing %6.3f ms planning, %5.2f commits, %d new sessions%n",
                            totals.getString(1), perBooking(totals.getLong(2), bookings), totals.getDouble(3) / Math.max(1, bookings),
                            totals.getDouble(4) / Math.max(1, bookings), perBooking(after.commits() - before.commits(), bookings),
                            after.sessions() - before.sessions()));
                }
            }
        } catch (SQLException e) {
            text.append("  statements could not be read: ").append(e.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** A database's commits and sessions opened so far. */
    private record DatabaseCounters(long commits, long sessions) {
        static final DatabaseCounters NONE = new DatabaseCounters(0, 0);
    }

    /** Each database's counters now (pg_stat_database, read afresh). */
    private static Map<String, DatabaseCounters> databaseCounters(Statement sql) throws SQLException {
        Map<String, DatabaseCounters> counters = new HashMap<>();
        sql.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rows = sql.executeQuery("SELECT datname, xact_commit, sessions FROM pg_stat_database WHERE datname IS NOT NULL")) {
            while (rows.next()) {
                counters.put(rows.getString(1), new DatabaseCounters(rows.getLong(2), rows.getLong(3)));
            }
        }
        return counters;
    }

    private static double perBooking(long total, long bookings) {
        return (double) total / Math.max(1, bookings);
    }

    private static String oneLine(String query) {
        String flat = query.replaceAll("\\s+", " ").trim();
        return flat.length() > 110 ? flat.substring(0, 110) + "..." : flat;
    }
}
