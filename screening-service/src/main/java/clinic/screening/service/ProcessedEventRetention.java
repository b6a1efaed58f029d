package clinic.screening.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import clinic.screening.config.ClinicConfig;
import clinic.screening.config.ClinicTime;

/**
 * Purges the ids of applied patient events older than {@code clinic.retention.processed-events}:
 * by then the topic no longer holds the event, so no redelivery can need the id. Safe with several
 * replicas: each batch skips rows another purge holds, in a short transaction of its own.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    static final int BATCH = 1000;
    private static final String PURGE = """
            DELETE FROM processed_event WHERE event_id IN (
                SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final DataSource dataSource;
    private final ClinicConfig config;
    private final ClinicTime time;

    public ProcessedEventRetention(DataSource dataSource, ClinicConfig config, ClinicTime time) {
        this.dataSource = dataSource;
        this.config = config;
        this.time = time;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                Log.infof("Purged %d processed event ids older than %s", purged, config.retention().processedEvents());
            }
        } catch (RuntimeException e) {
            Log.warnf("Processed event purge failed (will try again): %s", e.getMessage());
        }
    }

    /** Deletes every processed event id older than the retention period; answers how many. */
    public int purge() {
        Timestamp cutoff = Timestamp.from(time.now().minus(config.retention().processedEvents()));
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
