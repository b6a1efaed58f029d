package clinic.outbox;

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

/**
 * Purges published outbox rows once they are older than {@code clinic.outbox.retention}: they have
 * done their job, and their payloads may name patients. Unpublished rows are never touched.
 *
 * <p>Safe with several replicas: each batch deletes only rows no other purge (and no relay) holds
 * ({@code FOR UPDATE SKIP LOCKED}), in a short transaction of its own, so two replicas purging at
 * the same time share the work instead of waiting for each other, and a repeated purge finds nothing.
 */
@ApplicationScoped
public class OutboxRetention {

    static final int BATCH = 1000;
    private static final String PURGE = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event WHERE published_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxRetention(DataSource dataSource, OutboxConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.outbox.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                Log.infof("Purged %d published outbox events older than %s", purged, config.retention());
            }
        } catch (RuntimeException e) {
            Log.warnf("Outbox purge failed (will try again): %s", e.getMessage());
        }
    }

    /** Deletes every published row older than the retention period; answers how many. */
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(config.retention()));
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
