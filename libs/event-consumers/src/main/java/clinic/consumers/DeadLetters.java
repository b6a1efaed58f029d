package clinic.consumers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The service's dead-letter topics: what waits there (metadata only, never the payload, which may
 * hold contact data), and their replay. A replay reads each topic from where the last one stopped
 * (one consumer group for all of them) and gives each record to the channel's
 * {@link DeadLetterHandler}, once it has been fixed (a newer version of the service, or data
 * corrected at the source): applied, stale or already applied are done; one that still cannot be
 * applied goes back to the end of its dead-letter topic with the new reason; a failure that may pass
 * (the database is down) stops the replay where it is, to be run again. Records are applied straight
 * from the dead-letter topic rather than re-published to the source topic, which only its owner writes.
 *
 * <p>One replay at a time across all replicas: a replay holds a PostgreSQL advisory lock on the
 * service's own database for as long as it runs. Each listing or replay gives up after
 * {@link #TIME_LIMIT} (Kafka unreachable, a partition without a leader) with a 503 to try again.
 * A reason is shown only when it cannot quote data: the consumer's own "unreadable" reasons and the
 * replay's; for any other failure only its kind (a database's message may quote the row).
 */
@ApplicationScoped
@Startup // a dead-lettering channel without a handler stops the start, not the first replay
public class DeadLetters {

    /** One waiting dead letter, without its payload. */
    public record Entry(String topic, int partition, long offset, @Schema(nullable = true) String key, Instant publishedAt,
            @Schema(nullable = true) String eventType, @Schema(nullable = true) String reason) {
    }

    /** What one replay did. */
    public record Replay(int read, int applied, int deadAgain, @Schema(nullable = true) String stoppedBy) {
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final String REASON = "dead-letter-reason";
    private static final String EXCEPTION = "dead-letter-exception-class-name";
    private static final String REPLAYED = "replay: ";
    /** The advisory lock key of the replay: the text's hash, the same in every replica. */
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('clinic.consumers.dead-letter-replay'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('clinic.consumers.dead-letter-replay'))";

    private final ConsumedChannels channels;
    private final KafkaClients clients;
    private final ConsumerOffsets offsets;
    private final DataSource database;
    private final Map<String, DeadLetterHandler> handlers;

    public DeadLetters(ConsumedChannels channels, KafkaClients clients, ConsumerOffsets offsets, DataSource database,
            Instance<DeadLetterHandler> handlers) {
        this.channels = channels;
        this.clients = clients;
        this.offsets = offsets;
        this.database = database;
        this.handlers = handlers.stream().collect(Collectors.toMap(DeadLetterHandler::channel, Function.identity()));
        List<String> unhandled = channels.deadLettering().stream().map(ConsumedChannel::channel)
                .filter(c -> !this.handlers.containsKey(c)).toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("No DeadLetterHandler for the dead-lettering channel(s) " + unhandled);
        }
    }

    /** The dead-letter topics, in the order they are listed and replayed. */
    public List<String> topics() {
        return channels.deadLettering().stream().map(ConsumedChannel::deadLetterTopic).toList();
    }

    /** Up to {@code limit} dead letters not yet replayed, of one topic or (null) of all, oldest first per partition. */
    public List<Entry> waiting(String topic, int limit) {
        List<ConsumedChannel> chosen = chosen(topic);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<Entry> entries = new ArrayList<>();
        try {
            for (ConsumedChannel channel : chosen) {
                try (KafkaConsumer<String, String> consumer = consumer()) {
                    Map<TopicPartition, Long> ends = assignFromLastReplay(consumer, channel.deadLetterTopic());
                    while (entries.size() < limit && !caughtUp(consumer, ends)) {
                        if (System.nanoTime() > deadline) {
                            throw unavailable("Kafka did not hand over the dead letters within " + TIME_LIMIT.toSeconds() + " s");
                        }
                        for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                            if (entries.size() < limit && r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                                entries.add(new Entry(r.topic(), r.partition(), r.offset(), r.key(), Instant.ofEpochMilli(r.timestamp()),
                                        header(r, "eventType"), safeReason(r)));
                            }
                        }
                    }
                }
            }
        } catch (KafkaException e) {
            throw unavailable(e.getClass().getSimpleName());
        }
        return entries;
    }

    /** Replays up to {@code max} dead letters of one topic or (null) of all; one replay at a time across the service's pods. */
    public Replay replay(String topic, int max) {
        List<ConsumedChannel> chosen = chosen(topic);
        Replay total;
        try (Connection lock = database.getConnection()) {
            if (!locked(lock)) {
                throw new ProblemException(Problem.of(409, "replay-running", "A replay is running",
                        "Another replay of this service's dead letters is running; run this one when it has finished."));
            }
            try {
                total = replay(chosen, max);
            } finally {
                // the lock belongs to the session, which outlives this request in the pool
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new ProblemException(Problem.of(503, "database-unavailable", "Database unavailable",
                    "The database did not answer for the replay's lock. Run the replay again shortly: whatever it replayed is recorded."), 10);
        }
        offsets.refresh();
        Log.infof("Dead-letter replay: %d read, %d applied, %d dead-lettered again%s", total.read(), total.applied(),
                total.deadAgain(), total.stoppedBy() == null ? "" : "; stopped: " + total.stoppedBy());
        return total;
    }

    private Replay replay(List<ConsumedChannel> chosen, int max) {
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        Replay total = new Replay(0, 0, 0, null);
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumedChannel channel : chosen) {
                Replay one = replay(channel, max - total.read(), producer, deadline);
                total = new Replay(total.read() + one.read(), total.applied() + one.applied(), total.deadAgain() + one.deadAgain(),
                        one.stoppedBy());
                if (one.stoppedBy() != null || total.read() >= max) {
                    break;
                }
            }
        } catch (KafkaException e) {
            // what was done before is committed (see below): report it, and why the rest was not
            return new Replay(total.read(), total.applied(), total.deadAgain(), "Kafka: " + e.getClass().getSimpleName());
        }
        return total;
    }

    /** Replays one topic; what was done is committed whatever stops it, so nothing is applied or put back twice. */
    private Replay replay(ConsumedChannel channel, int max, KafkaProducer<String, String> producer, long deadline) {
        DeadLetterHandler handler = handlers.get(channel.channel());
        int read = 0;
        int applied = 0;
        int deadAgain = 0;
        String stoppedBy = null;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> ends = assignFromLastReplay(consumer, channel.deadLetterTopic());
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            try {
                replaying:
                while (read < max && !caughtUp(consumer, ends)) {
                    if (System.nanoTime() > deadline) {
                        stoppedBy = "time limit of " + TIME_LIMIT.toSeconds() + " s";
                        break;
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                        TopicPartition partition = new TopicPartition(r.topic(), r.partition());
                        if (read >= max || r.offset() >= ends.get(partition)) {
                            continue;
                        }
                        Throwable failure = apply(handler, r.value());
                        if (failure != null && handler.mayPass(failure)) {
                            stoppedBy = handler.reason(failure);
                            break replaying;
                        }
                        if (failure != null && !deadLetterAgain(producer, r, handler.reason(failure))) {
                            stoppedBy = "could not put a dead letter back";
                            break replaying;
                        }
                        read++;
                        if (failure == null) {
                            applied++;
                        } else {
                            deadAgain++;
                        }
                        done.put(partition, new OffsetAndMetadata(r.offset() + 1));
                    }
                    commit(consumer, done);
                }
            } finally {
                commit(consumer, done);
            }
        }
        return new Replay(read, applied, deadAgain, stoppedBy);
    }

    private static void commit(KafkaConsumer<String, String> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
            done.clear();
        }
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(LOCK)) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(UNLOCK);
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(Problem.of(503, "kafka-unavailable", "Dead letters not reachable", why + ". Try again shortly."), 10);
    }

    /** Null when the record was applied (or was stale, or already applied). */
    private static Throwable apply(DeadLetterHandler handler, String payload) {
        try {
            handler.apply(payload);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private List<ConsumedChannel> chosen(String topic) {
        List<ConsumedChannel> all = channels.deadLettering();
        if (topic == null) {
            return all;
        }
        List<ConsumedChannel> one = all.stream().filter(c -> c.deadLetterTopic().equals(topic)).toList();
        if (one.isEmpty()) {
            throw ProblemException.badRequest("topic", "must be one of " + topics());
        }
        return one;
    }

    /** Puts the record back at the end of its topic with the new reason; false when Kafka did not take it. */
    private static boolean deadLetterAgain(KafkaProducer<String, String> producer, ConsumerRecord<String, String> r, String reason) {
        ProducerRecord<String, String> again = new ProducerRecord<>(r.topic(), r.key(), r.value());
        for (Header h : r.headers()) {
            if (!REASON.equals(h.key())) {
                again.headers().add(h);
            }
        }
        again.headers().add(REASON, (REPLAYED + reason).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(again).get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Log.warnf("A dead letter could not be put back: %s", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * The reason to show: the replay's own (from a handler's {@link DeadLetterHandler#reason}) or the
     * consumer's for an {@link UnreadableEvent} (which names fields, never values); for any other
     * failure only its kind, since its message may quote data (a database's "failing row contains").
     */
    private static String safeReason(ConsumerRecord<String, String> r) {
        String reason = header(r, REASON);
        String exception = header(r, EXCEPTION);
        if (reason == null || reason.startsWith(REPLAYED) || unreadable(exception)) {
            return reason;
        }
        return exception == null ? "unknown" : exception.substring(exception.lastIndexOf('.') + 1);
    }

    private static boolean unreadable(String exceptionClass) {
        if (exceptionClass == null) {
            return false;
        }
        try {
            return UnreadableEvent.class.isAssignableFrom(Class.forName(exceptionClass, false,
                    Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Assigns every partition of the topic at the replay group's committed offset (or its start); answers the end offsets now. */
    private static Map<TopicPartition, Long> assignFromLastReplay(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        List<TopicPartition> partitions = infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
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
        Map<String, Object> config = clients.consumer();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, channels.replayGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, channels.clientId("dead-letters"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = clients.producer();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, channels.clientId("dead-letters"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
