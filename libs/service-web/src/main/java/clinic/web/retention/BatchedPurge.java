package clinic.web.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How every retention purge of the services runs (published outbox rows, idempotency records,
 * processed event ids, sent message bodies): a statement whose parameters are the cutoff and the
 * batch size, and which takes its rows with {@code FOR UPDATE SKIP LOCKED}, run in batches, each in
 * a short transaction of its own. Replicas purging at the same time share the work instead of
 * waiting for each other, and a repeated purge finds nothing.
 */
public final class BatchedPurge {

    public static final int BATCH = 1000;

    private final DataSource dataSource;

    public BatchedPurge(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the statement until a batch changes fewer than {@link #BATCH} rows; answers how many it changed. */
    public int inBatches(String statement, Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int total = 0;
        int changed;
        do {
            changed = QuarkusTransaction.requiringNew().call(() -> batch(statement, before));
            total += changed;
        } while (changed == BATCH);
        return total;
    }

    private int batch(String statement, Timestamp cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setTimestamp(1, cutoff);
            update.setInt(2, BATCH);
            return update.executeUpdate();
        }
    }

    /** A scheduled run: logs what it did, and a failure (tried again at the next run) without data. */
    public void logged(String what, Duration retention, IntSupplier run) {
        try {
            int purged = run.getAsInt();
            if (purged > 0) {
                Log.infof("Purged %d %s older than %s", purged, what, retention);
            }
        } catch (RuntimeException e) {
            Log.warnf("Purge of %s failed (will try again): %s", what, e.getClass().getSimpleName());
        }
    }
}
