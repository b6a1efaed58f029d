package clinic.screening.service;


import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import clinic.web.retention.BatchedPurge;

import clinic.screening.config.ClinicConfig;
import clinic.screening.config.ClinicTime;

/**
 * Purges the ids of applied patient events older than {@code clinic.retention.processed-events}:
 * by then the topic no longer holds the event, so no redelivery can need the id. Safe with several
 * replicas: each batch skips rows another purge holds, in a short transaction of its own.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final String PURGE = """
            DELETE FROM processed_event WHERE event_id IN (
                SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final BatchedPurge purge;
    private final ClinicConfig config;
    private final ClinicTime time;

    public ProcessedEventRetention(DataSource dataSource, ClinicConfig config, ClinicTime time) {
        this.purge = new BatchedPurge(dataSource);
        this.config = config;
        this.time = time;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge.logged("processed event ids", config.retention().processedEvents(), this::purge);
    }

    /** Deletes every processed event id older than the retention period; answers how many. */
    public int purge() {
        return purge.inBatches(PURGE, time.now().minus(config.retention().processedEvents()));
    }
}
