package clinic.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * What clinic IT watches of the outbox: how many events wait, how old the oldest is, and how often
 * the relay failed. The gauges are refreshed on a schedule rather than read at scrape time, so a
 * scrape never waits for the database.
 */
@ApplicationScoped
@Startup
public class OutboxMetrics {

    private static final String BACKLOG = """
            SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL""";

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter failures;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    OutboxMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        Gauge.builder("clinic.outbox.backlog", backlog, AtomicLong::get).tag("service", service)
                .description("Events committed but not yet published to Kafka").register(registry);
        Gauge.builder("clinic.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).tag("service", service).baseUnit("seconds")
                .description("Age of the oldest unpublished event").register(registry);
        failures = Counter.builder("clinic.outbox.relay.failures").tag("service", service)
                .description("Relay batches that Kafka or the database refused").register(registry);
    }

    void relayFailed() {
        failures.increment();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet row = query.executeQuery(BACKLOG)) {
            row.next();
            backlog.set(row.getLong(1));
            Timestamp oldest = row.getTimestamp(2);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Outbox metrics not refreshed: %s", e.getMessage());
        }
    }
}
