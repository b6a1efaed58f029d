package clinic.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.booking.service.IdempotencyRetention;
import clinic.booking.support.Sql;
import clinic.outbox.OutboxRetention;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What booking keeps only for a while is purged once older than its configured period (published
 * outbox rows 7 days, idempotency records 24 hours by default), and only that; purges running on
 * several replicas at once share the work.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRetention outbox;

    @Inject
    IdempotencyRetention idempotency;

    @Test
    void publishedOutboxRowsArePurgedAfterTheRetentionPeriodAndUnpublishedOnesNever() throws Exception {
        Sql sql = new Sql(dataSource);
        Instant now = Instant.now();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            old.add(outboxRow(sql, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8))));
        }
        UUID recent = outboxRow(sql, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        UUID waiting = outboxRow(sql, now.minus(Duration.ofDays(30)), null);

        // three replicas purge at the same time: none fails, none waits for the others' rows
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<Future<Integer>> purges = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            purges.add(replicas.submit((Callable<Integer>) outbox::purge));
        }
        for (Future<Integer> purge : purges) {
            purge.get();
        }
        replicas.shutdown();

        assertEquals(0L, sql.count("SELECT count(*) FROM outbox_event WHERE event_id = ANY (?)", (Object) old.toArray(UUID[]::new)));
        assertEquals(1L, sql.count("SELECT count(*) FROM outbox_event WHERE event_id = ?", recent));
        // (the relay may have published it meanwhile: then it is a recent row, kept all the same)
        assertEquals(1L, sql.count("SELECT count(*) FROM outbox_event WHERE event_id = ?", waiting));
    }

    @Test
    void idempotencyRecordsArePurgedAfterTheirPeriod() {
        Sql sql = new Sql(dataSource);
        Instant now = Instant.now();
        String old = idempotencyRow(sql, now.minus(Duration.ofHours(25)));
        String recent = idempotencyRow(sql, now.minus(Duration.ofHours(23)));

        idempotency.purge();

        assertEquals(0L, sql.count("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", old));
        assertEquals(1L, sql.count("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", recent));
    }

    private static UUID outboxRow(Sql sql, Instant created, Instant published) {
        UUID id = UUID.randomUUID();
        sql.update("""
                INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at, published_at)
                VALUES (?, 'clinic.appointments.v1', ?, 'RetentionProbe', '{"type":"RetentionProbe"}', ?, ?)""",
                id, UUID.randomUUID(), Timestamp.from(created), published == null ? null : Timestamp.from(published));
        return id;
    }

    private static String idempotencyRow(Sql sql, Instant created) {
        String key = UUID.randomUUID().toString();
        sql.update("""
                INSERT INTO idempotent_request (principal, idempotency_key, request_hash, response_status, response_body, created_at)
                VALUES ('frontdesk', ?, 'hash', 201, '{}', ?)""", key, Timestamp.from(created));
        return key;
    }
}
