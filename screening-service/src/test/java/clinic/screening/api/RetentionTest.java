package clinic.screening.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.outbox.OutboxRetention;
import clinic.screening.service.ProcessedEventRetention;
import io.quarkus.test.junit.QuarkusTest;

/** Published outbox rows (7 days) and applied event ids (30 days) are purged after their periods, and only they. */
@QuarkusTest
class RetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    OutboxRetention outbox;

    @Inject
    ProcessedEventRetention processed;

    @Test
    void publishedOutboxRowsArePurgedAfterSevenDaysAndUnpublishedOnesNever() throws SQLException {
        Instant now = clock.instant();
        UUID old = outboxRow(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        UUID recent = outboxRow(now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        UUID waiting = outboxRow(now.minus(Duration.ofDays(20)), null);

        outbox.purge();

        assertThat(exists("outbox_event", old)).isFalse();
        assertThat(exists("outbox_event", recent)).isTrue();
        assertThat(exists("outbox_event", waiting)).isTrue();
    }

    @Test
    void appliedEventIdsArePurgedAfterThirtyDays() throws SQLException {
        Instant now = clock.instant();
        UUID old = processedRow(now.minus(Duration.ofDays(31)));
        UUID recent = processedRow(now.minus(Duration.ofDays(29)));

        processed.purge();

        assertThat(exists("processed_event", old)).isFalse();
        assertThat(exists("processed_event", recent)).isTrue();
    }

    private UUID outboxRow(Instant created, Instant published) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at, published_at)
                VALUES (?, 'clinic.screening.v1', ?, 'RetentionProbe', '{"type":"RetentionProbe"}', ?, ?)""",
                id, UUID.randomUUID(), Timestamp.from(created), published == null ? null : Timestamp.from(published));
        return id;
    }

    private UUID processedRow(Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, 'PatientMerged', ?)", id, Timestamp.from(at));
        return id;
    }

    private boolean exists(String table, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
