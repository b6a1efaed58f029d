package clinic.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import clinic.web.retention.BatchedPurge;

/**
 * Purges published outbox rows once they are older than {@code clinic.outbox.retention}: they have
 * done their job, and their payloads may name patients. Unpublished rows are never touched.
 *
 * Safe with several replicas ({@link BatchedPurge}): a batch skips the rows another purge or a
 * relay holds.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final String PURGE = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event WHERE published_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final BatchedPurge purge;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxRetention(DataSource dataSource, OutboxConfig config, Clock clock) {
        this.purge = new BatchedPurge(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.outbox.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge.logged("published outbox events", config.retention(), this::purge);
    }

    /** Deletes every published row older than the retention period; answers how many. */
    public int purge() {
        return purge.inBatches(PURGE, clock.instant().minus(config.retention()));
    }
}
