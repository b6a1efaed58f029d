package clinic.booking.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import clinic.booking.config.ClinicConfig;

/**
 * Purges idempotency records older than {@code clinic.retention.idempotency-keys}: a retry that late
 * is a new request, and the stored answers may name patients. Safe with several replicas: each
 * batch skips rows another purge (or a request replaying its key) holds, in a short transaction.
 */
@ApplicationScoped
public class IdempotencyRetention {

    static final int BATCH = 1000;
    private static final String PURGE = """
            DELETE FROM idempotent_request WHERE (principal, idempotency_key) IN (
                SELECT principal, idempotency_key FROM idempotent_request WHERE created_at < ?
                 LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final DataSource dataSource;
    private final ClinicConfig config;
    private final Clock clock;

    public IdempotencyRetention(DataSource dataSource, ClinicConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                Log.infof("Purged %d idempotency records older than %s", purged, config.retention().idempotencyKeys());
            }
        } catch (RuntimeException e) {
            Log.warnf("Idempotency purge failed (will try again): %s", e.getMessage());
        }
    }

    /** Deletes every idempotency record older than the retention period; answers how many. */
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(config.retention().idempotencyKeys()));
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private int deleteBatch(Timestamp cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setTimestamp(1, cutoff);
            delete.setInt(2, BATCH);
            return delete.executeUpdate();
        }
    }
}
