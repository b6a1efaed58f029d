package clinic.content.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code clinic_dispatch_lag_seconds{kind}}: the age of the oldest message of each kind that is due
 * and not yet sent (0 when none waits). Refreshed on a schedule, so a scrape never waits for the database.
 */
@ApplicationScoped
@Startup
public class DispatchLag {

    /** Read through the index outbound_message_waiting (V14), whose condition names the same statuses. */
    private static final String OLDEST_DUE = """
            SELECT kind, min(due_at) FROM outbound_message
             WHERE status IN %s AND due_at <= ?
             GROUP BY kind""".formatted(MessageStatus.UNSETTLED_SQL);

    private final Map<MessageKind, AtomicLong> seconds = new EnumMap<>(MessageKind.class);
    private final DataSource dataSource;
    private final Clock clock;

    public DispatchLag(MeterRegistry registry, DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (MessageKind kind : MessageKind.values()) {
            AtomicLong value = new AtomicLong();
            seconds.put(kind, value);
            Gauge.builder("clinic.dispatch.lag.seconds", value, AtomicLong::get).tag("kind", kind.name())
                    .description("Age of the oldest message of this kind that is due and not yet sent").register(registry);
        }
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Instant now = clock.instant();
        Map<MessageKind, Long> oldest = new EnumMap<>(MessageKind.class);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(OLDEST_DUE)) {
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant due = rows.getTimestamp(2).toInstant();
                    oldest.put(MessageKind.valueOf(rows.getString(1)), Math.max(0, Duration.between(due, now).toSeconds()));
                }
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Dispatch lag not refreshed: %s", e.getMessage());
            return;
        }
        seconds.forEach((kind, value) -> value.set(oldest.getOrDefault(kind, 0L)));
    }
}
