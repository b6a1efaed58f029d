package clinic.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka, at least once and in order per aggregate (the Kafka key).
 *
 * <p>Safe with several replicas: each batch locks the rows it takes with {@code FOR UPDATE SKIP
 * LOCKED} and takes only the oldest unpublished row of each aggregate, so a later event can be
 * taken only after the earlier one was published and committed. A crash between Kafka's
 * acknowledgement and the commit leaves the rows unpublished: they are sent again (consumers
 * deduplicate by event id).
 *
 * <p>One thread of its own runs the loop rather than the scheduler, because it must react to a
 * commit within a millisecond ({@link RelaySignal}) and still look every {@code poll-interval}
 * for rows that another replica committed or that a Kafka outage left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String NEXT_BATCH = """
            SELECT o.id, o.topic, o.aggregate_id, o.event_type, o.payload::text FROM outbox_event o
            WHERE o.published_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                              WHERE earlier.aggregate_id = o.aggregate_id
                                AND earlier.published_at IS NULL
                                AND earlier.id < o.id)
            ORDER BY o.id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = ? WHERE id = ANY (?)";

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    RelaySignal signal;

    @Inject
    OutboxMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;
    private volatile boolean running;
    private Thread loop;
    private boolean failing;

    void start(@Observes StartupEvent started) {
        running = true;
        loop = new Thread(this::run, "outbox-relay");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        signal.wake();
        if (loop != null) {
            // the batch in flight finishes (or its rows stay unpublished for the next start)
            loop.join(config.ackTimeout().toMillis() + 1000);
        }
        closeProducer();
    }

    private void run() {
        while (running) {
            try {
                signal.await(config.pollInterval());
                publishAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes until nothing is left that may go now; failures are counted, logged once, and retried on the next look. */
    void publishAll() {
        try {
            while (running && publishBatch() > 0) {
                // keep going while there is a backlog
            }
            if (failing) {
                Log.info("Outbox relay is publishing again");
                failing = false;
            }
        } catch (RuntimeException e) {
            metrics.relayFailed();
            if (!failing) {
                Log.warnf("Outbox relay could not publish (will retry): %s", e.getMessage());
            }
            failing = true;
        }
    }

    /** Publishes one batch and marks it published, in one transaction; answers how many rows it took. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Row> batch = nextBatch(connection);
                if (batch.isEmpty()) {
                    return 0;
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
                for (Row row : batch) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key().toString(), row.payload());
                    record.headers().add(new RecordHeader("eventType", row.type().getBytes(StandardCharsets.UTF_8)));
                    sends.add(producer().send(record));
                }
                for (Future<RecordMetadata> send : sends) {
                    awaitAck(send);
                }
                markPublished(connection, batch);
                return batch.size();
            }
        });
    }

    private List<Row> nextBatch(Connection connection) throws SQLException {
        List<Row> batch = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(NEXT_BATCH)) {
            query.setInt(1, config.batchSize());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Row(rows.getLong(1), rows.getString(2), rows.getObject(3, UUID.class), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return batch;
    }

    private void markPublished(Connection connection, List<Row> batch) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK_PUBLISHED)) {
            mark.setTimestamp(1, Timestamp.from(clock.instant()));
            Array ids = connection.createArrayOf("bigint", batch.stream().map(Row::id).toArray());
            mark.setArray(2, ids);
            mark.executeUpdate();
        }
    }

    private void awaitAck(Future<RecordMetadata> send) {
        try {
            send.get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(config.ackTimeout().toMillis() - 1000, 6000));
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private record Row(long id, String topic, UUID key, String type, String payload) {
    }
}
