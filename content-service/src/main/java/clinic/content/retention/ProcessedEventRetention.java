package clinic.content.retention;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import clinic.content.config.ClinicConfig;
import clinic.web.retention.BatchedPurge;

/**
 * Purges consumed event ids (appointment and patient events) older than
 * {@code clinic.retention.processed-events}: by then the topics no longer hold the events, so no
 * redelivery can need the id (and an appointment's sequence still refuses anything older).
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final String APPOINTMENT_EVENTS = """
            DELETE FROM processed_event WHERE event_id IN (
                SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""";
    private static final String PATIENT_EVENTS = """
            DELETE FROM processed_patient_event WHERE event_id IN (
                SELECT event_id FROM processed_patient_event WHERE processed_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final BatchedPurge purge;
    private final ClinicConfig config;
    private final Clock clock;

    public ProcessedEventRetention(DataSource dataSource, ClinicConfig config, Clock clock) {
        this.purge = new BatchedPurge(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge.logged("processed event ids", config.retention().processedEvents(), this::purge);
    }

    /** Deletes every consumed event id older than the retention period; answers how many. */
    public int purge() {
        var cutoff = clock.instant().minus(config.retention().processedEvents());
        return purge.inBatches(APPOINTMENT_EVENTS, cutoff) + purge.inBatches(PATIENT_EVENTS, cutoff);
    }
}
