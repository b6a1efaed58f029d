package clinic.booking.service;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import clinic.web.retention.BatchedPurge;

import clinic.booking.config.ClinicConfig;

/**
 * Purges idempotency records older than {@code clinic.retention.idempotency-keys}: a retry that late
 * is a new request, and the stored answers may name patients. Safe with several replicas: each
 * batch skips rows another purge (or a request replaying its key) holds, in a short transaction.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final String PURGE = """
            DELETE FROM idempotent_request WHERE (principal, idempotency_key) IN (
                SELECT principal, idempotency_key FROM idempotent_request WHERE created_at < ?
                 LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final BatchedPurge purge;
    private final ClinicConfig config;
    private final Clock clock;

    public IdempotencyRetention(DataSource dataSource, ClinicConfig config, Clock clock) {
        this.purge = new BatchedPurge(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge.logged("idempotency records", config.retention().idempotencyKeys(), this::purge);
    }

    /** Deletes every idempotency record older than the retention period; answers how many. */
    public int purge() {
        return purge.inBatches(PURGE, clock.instant().minus(config.retention().idempotencyKeys()));
    }
}
