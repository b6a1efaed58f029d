package clinic.local.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.local.infra.ExternalServers;

/**
 * Brings an appointment's day to the test: booking never offers a time in the past, and the
 * lifecycle's time rules allow check-in only on the day and completion only after the start, so a
 * test that treats a patient moves the appointment to have started a few minutes ago, straight in
 * booking's database. Each call takes a two-minute window of its own, counted back from the first
 * call's minute (not from each call's own: two calls four minutes apart with windows one apart would
 * land on the same minute), so two of them never share a practitioner's or a room's time.
 */
public final class TestAppointments {

    private static final AtomicInteger WINDOWS = new AtomicInteger();
    private static final OffsetDateTime FIRST_CALL = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    private TestAppointments() {
    }

    /** Moves the appointment to have started just now, today in the clinic, keeping its status and decision. */
    public static void startNow(ClinicStack stack, String appointmentId) throws Exception {
        int window = WINDOWS.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("booking"), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement move = connection.prepareStatement("""
                    UPDATE appointment
                       SET start_at = s.at, end_at = s.at + interval '1 minute', occupied_until = s.at + interval '1 minute',
                           screened_start = s.at
                      FROM (SELECT greatest(?::timestamptz - make_interval(mins => ?),
                                            (date_trunc('day', now() AT TIME ZONE 'Europe/Warsaw') + make_interval(mins => ?))
                                                AT TIME ZONE 'Europe/Warsaw') AS at) s
                     WHERE id = ?::uuid""")) {
                move.setObject(1, FIRST_CALL);
                move.setInt(2, 2 * window);
                move.setInt(3, 2 * window);
                move.setString(4, appointmentId);
                if (move.executeUpdate() != 1) {
                    throw new IllegalStateException("no appointment " + appointmentId);
                }
            }
            connection.commit();
        }
    }
}
