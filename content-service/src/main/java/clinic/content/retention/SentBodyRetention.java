package clinic.content.retention;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import clinic.content.config.ClinicConfig;
import clinic.web.retention.BatchedPurge;

/**
 * Purges the subject, bodies and calendar entry of messages sent longer ago than
 * {@code clinic.retention.sent-message-bodies}; the delivery record (kind, step, status, times,
 * recipient, Message-ID) stays, so staff can still say what was sent to whom and when.
 */
@ApplicationScoped
public class SentBodyRetention {

    private static final String SENT_BODIES = """
            UPDATE outbound_message SET subject = NULL, body_text = NULL, body_html = NULL, calendar = NULL,
                   unsubscribe_url = NULL, body_purged_at = now()
             WHERE id IN (SELECT id FROM outbound_message
                           WHERE status = 'SENT' AND body_purged_at IS NULL AND sent_at < ?
                           LIMIT ? FOR UPDATE SKIP LOCKED)""";

    private final BatchedPurge purge;
    private final ClinicConfig config;
    private final Clock clock;

    public SentBodyRetention(DataSource dataSource, ClinicConfig config, Clock clock) {
        this.purge = new BatchedPurge(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge.logged("sent message bodies", config.retention().sentMessageBodies(), this::purge);
    }

    /** Purges the content of every message sent before the retention period; answers how many. */
    public int purge() {
        return purge.inBatches(SENT_BODIES, clock.instant().minus(config.retention().sentMessageBodies()));
    }
}
