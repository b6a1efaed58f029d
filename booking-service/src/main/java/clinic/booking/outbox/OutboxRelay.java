package clinic.booking.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.header.internals.RecordHeader;

import clinic.booking.config.ClinicConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox events to Kafka, at least once and in order per appointment.
 *
 * <p>Safe with several replicas: each run locks the rows it takes with {@code FOR UPDATE SKIP
 * LOCKED}, and takes only the oldest unpublished event of each appointment, so a later event can
 * be taken only after the earlier one was published and committed. A crash between publishing
 * and committing leaves the rows unpublished: they are sent again on the next run (consumers
 * deduplicate by event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String NEXT_BATCH = """
            SELECT * FROM outbox_event o
            WHERE o.published_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                              WHERE earlier.aggregate_id = o.aggregate_id
                                AND earlier.published_at IS NULL
                                AND earlier.id < o.id)
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    @Inject
    EntityManager em;

    @Inject
    ClinicConfig config;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;
    private boolean lastRunFailed;

    @Scheduled(every = "${clinic.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void relay() {
        try {
            while (publishBatch() > 0) {
                // keep going while there is a backlog
            }
            if (lastRunFailed) {
                Log.info("Outbox relay is publishing again");
                lastRunFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastRunFailed) {
                Log.warnf("Outbox relay could not publish (will retry): %s", e.getMessage());
            }
            lastRunFailed = true;
        }
    }

    /** Publishes one batch and marks it published, in one transaction; answers how many. */
    @Transactional
    int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(NEXT_BATCH, OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(config.outbox().topic(),
                    event.aggregateId.toString(), event.payload);
            record.headers().add(new RecordHeader("eventType", event.eventType.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            sends.add(producer().send(record));
        }
        for (Future<RecordMetadata> send : sends) {
            awaitAck(send);
        }
        var now = clock.instant();
        batch.forEach(event -> event.publishedAt = now);
        return batch.size();
    }

    private static void awaitAck(Future<RecordMetadata> send) {
        try {
            send.get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new java.util.HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(12).toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "booking-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
