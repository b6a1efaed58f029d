package clinic.content.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.content.events.AppointmentEvent;
import clinic.content.events.EventParser;
import clinic.content.events.InvalidEventException;
import clinic.content.events.PassingFailure;
import clinic.content.service.EventService;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * The dead-letter topic: what waits there (metadata only, never the payload, which holds contact
 * data), and its replay. A replay reads from where the last one stopped (its own consumer group)
 * and applies each event as the consumer would, once it has been fixed (a newer version of this
 * service, or data corrected at the source): applied, stale or already applied are done; one that
 * still cannot be applied goes back to the end of the dead-letter topic with the new reason; a
 * failure that may pass (the database is down) stops the replay where it is, to be run again.
 * Events are applied straight from the dead-letter topic rather than re-published to booking's
 * topic, which only booking writes.
 */
@ApplicationScoped
public class DeadLetters {

    /** One waiting dead letter, without its payload. */
    public record Entry(int partition, long offset, String key, Instant publishedAt, String eventType, String reason) {
    }

    /** What one replay did. */
    public record Replay(int read, int applied, int deadAgain, @Schema(nullable = true) String stoppedBy) {
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaTopicsConfig topics;
    private final Map<String, Object> kafka;
    private final EventParser parser;
    private final EventService events;
    private final KafkaOffsets offsets;
    private final PassingFailure passing = new PassingFailure();

    public DeadLetters(KafkaTopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            EventParser parser, EventService events, KafkaOffsets offsets) {
        this.topics = topics;
        this.kafka = kafka;
        this.parser = parser;
        this.events = events;
        this.offsets = offsets;
    }

    /** Up to {@code limit} dead letters not yet replayed, oldest first per partition. */
    public List<Entry> waiting(int limit) {
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> ends = assignFromLastReplay(consumer);
            while (entries.size() < limit && !caughtUp(consumer, ends)) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (entries.size() < limit && r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        entries.add(new Entry(r.partition(), r.offset(), r.key(), Instant.ofEpochMilli(r.timestamp()),
                                header(r, "eventType"), header(r, "dead-letter-reason")));
                    }
                }
            }
        }
        return entries;
    }

    /** Replays up to {@code max} dead letters; one replay at a time in this process. */
    public synchronized Replay replay(int max) {
        int read = 0;
        int applied = 0;
        int deadAgain = 0;
        String stoppedBy = null;
        try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
            Map<TopicPartition, Long> ends = assignFromLastReplay(consumer);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            replaying:
            while (read < max && !caughtUp(consumer, ends)) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(r.topic(), r.partition());
                    if (read >= max || r.offset() >= ends.get(partition)) {
                        continue;
                    }
                    Failure failure = apply(r.value());
                    if (failure != null && passing.test(failure.cause())) {
                        stoppedBy = failure.reason();
                        break replaying;
                    }
                    read++;
                    if (failure == null) {
                        applied++;
                    } else {
                        deadLetterAgain(producer, r, failure.reason());
                        deadAgain++;
                    }
                    done.put(partition, new OffsetAndMetadata(r.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
        offsets.refresh();
        Log.infof("Dead-letter replay: %d read, %d applied, %d dead-lettered again%s", read, applied, deadAgain,
                stoppedBy == null ? "" : "; stopped: " + stoppedBy);
        return new Replay(read, applied, deadAgain, stoppedBy);
    }

    /** Why an event could not be applied: the failure, and a reason that quotes no data. */
    private record Failure(Throwable cause, String reason) {
    }

    /** Null when the event was applied (or was stale, or already applied). */
    private Failure apply(String payload) {
        try {
            AppointmentEvent event = parser.parse(payload);
            events.apply(event);
            return null;
        } catch (InvalidEventException e) {
            // the parser's reasons name fields and positions, never values
            return new Failure(e, e.getMessage());
        } catch (RuntimeException e) {
            return new Failure(e, e.getClass().getSimpleName());
        }
    }

    private void deadLetterAgain(KafkaProducer<String, String> producer, ConsumerRecord<String, String> r, String reason) {
        ProducerRecord<String, String> again = new ProducerRecord<>(topics.deadLetterTopic(), r.key(), r.value());
        for (Header h : r.headers()) {
            if (!"dead-letter-reason".equals(h.key())) {
                again.headers().add(h);
            }
        }
        again.headers().add("dead-letter-reason", ("replay: " + reason).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(again).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering again", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not put a dead letter back: " + e.getMessage(), e);
        }
    }

    /** Assigns every partition at the replay group's committed offset (or its start); answers the end offsets now. */
    private Map<TopicPartition, Long> assignFromLastReplay(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topics.deadLetterTopic(), Duration.ofSeconds(5));
        List<TopicPartition> partitions = infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            consumer.seek(p, Math.max(starts.get(p), at == null ? 0 : at.offset()));
        }
        return consumer.endOffsets(partitions);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = only(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.replayGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "content-service-dead-letters");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = only(ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "content-service-dead-letters");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private Map<String, Object> only(java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
