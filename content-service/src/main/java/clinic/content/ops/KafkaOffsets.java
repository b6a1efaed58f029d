package clinic.content.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * How far behind the consumer is and how many dead letters wait, from Kafka's own offsets:
 * {@code clinic_consumer_lag{topic}} (events published but not yet consumed by the group) and
 * {@code clinic_dead_letter_depth{topic}} (dead letters not yet replayed). Refreshed on a schedule,
 * so a scrape or a readiness probe never waits for Kafka.
 */
@ApplicationScoped
@Startup
public class KafkaOffsets {

    private final KafkaTopicsConfig topics;
    private final Map<String, Object> kafka;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile boolean known;
    private Admin admin;

    public KafkaOffsets(KafkaTopicsConfig topics, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            MeterRegistry registry) {
        this.topics = topics;
        this.kafka = kafka;
        Gauge.builder("clinic.consumer.lag", lag, AtomicLong::get).tag("topic", topics.topic())
                .description("Events published to the topic and not yet consumed by content-service").register(registry);
        Gauge.builder("clinic.dead.letter.depth", deadLetters, AtomicLong::get).tag("topic", topics.deadLetterTopic())
                .description("Dead letters not yet replayed").register(registry);
    }

    /** Dead letters not yet replayed (as of the last refresh). */
    public long deadLetterDepth() {
        return deadLetters.get();
    }

    /** Whether the numbers have been read from Kafka at least once. */
    public boolean known() {
        return known;
    }

    @Scheduled(every = "${content.kafka.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            lag.set(behind(topics.topic(), topics.group()));
            deadLetters.set(behind(topics.deadLetterTopic(), topics.replayGroup()));
            known = true;
        } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Log.debugf("Kafka offsets not refreshed: %s", e.getMessage());
        }
    }

    /** Records in the topic after the group's committed offsets (from the start for a partition it never committed). */
    long behind(String topic, String group) throws InterruptedException, ExecutionException, TimeoutException {
        Set<TopicPartition> partitions;
        try {
            partitions = admin().describeTopics(Set.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin().listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            long from = Math.max(starts.get(p).offset(), at == null ? 0 : at.offset());
            total += Math.max(0, ends.get(p).offset() - from);
        }
        return total;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "content-service-offsets");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
