package clinic.consumers;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/**
 * How far behind each consumer is and how many dead letters wait, from Kafka's own offsets:
 * {@code clinic_consumer_lag{topic,group}} (events published but not yet consumed by the group) for
 * every incoming channel, and {@code clinic_dead_letter_depth{topic}} (dead letters not yet
 * replayed) for every dead-letter topic. Refreshed on a schedule, so a scrape or a readiness probe
 * never waits for Kafka.
 */
@ApplicationScoped
@Startup
public class ConsumerOffsets {

    private static final long WAIT_SECONDS = 5;

    private final ConsumedChannels channels;
    private final KafkaClients clients;
    private final String clientId;
    private final Map<ConsumedChannel, AtomicLong> lag = new LinkedHashMap<>();
    private final Map<String, AtomicLong> deadLetters = new LinkedHashMap<>();
    private final Duration stale;
    private volatile long readAt = Long.MIN_VALUE;
    private Admin admin;

    public ConsumerOffsets(ConsumedChannels channels, KafkaClients clients, ConsumersConfig config, MeterRegistry registry) {
        this.channels = channels;
        this.stale = config.refresh().multipliedBy(3);
        this.clients = clients;
        this.clientId = channels.clientId("offsets");
        for (ConsumedChannel c : channels.all()) {
            AtomicLong behind = new AtomicLong();
            lag.put(c, behind);
            Gauge.builder("clinic.consumer.lag", behind, AtomicLong::get).tag("topic", c.topic()).tag("group", c.group())
                    .description("Events published to the topic and not yet consumed by the group").register(registry);
        }
        for (ConsumedChannel c : channels.deadLettering()) {
            AtomicLong depth = new AtomicLong();
            deadLetters.put(c.deadLetterTopic(), depth);
            Gauge.builder("clinic.dead.letter.depth", depth, AtomicLong::get).tag("topic", c.deadLetterTopic())
                    .description("Dead letters not yet replayed").register(registry);
        }
    }

    /** Dead letters not yet replayed per dead-letter topic (as of the last refresh). */
    public Map<String, Long> deadLetterDepths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        deadLetters.forEach((topic, depth) -> depths.put(topic, depth.get()));
        return depths;
    }

    /** Whether the numbers were read from Kafka lately (within three refresh periods). */
    public boolean known() {
        long at = readAt;
        return at != Long.MIN_VALUE && System.nanoTime() - at < stale.toNanos();
    }

    @Scheduled(every = "${clinic.consumers.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        try {
            for (Map.Entry<ConsumedChannel, AtomicLong> e : lag.entrySet()) {
                e.getValue().set(behind(e.getKey().topic(), e.getKey().group()));
            }
            for (Map.Entry<String, AtomicLong> e : deadLetters.entrySet()) {
                e.getValue().set(behind(e.getKey(), channels.replayGroup()));
            }
            readAt = System.nanoTime();
        } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Log.debugf("Kafka offsets not refreshed: %s", e.getMessage());
        }
    }

    /** Records in the topic after the group's committed offsets (from the start for a partition it never committed). */
    private long behind(String topic, String group) throws InterruptedException, ExecutionException, TimeoutException {
        Set<TopicPartition> partitions;
        try {
            partitions = admin().describeTopics(Set.of(topic)).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS).get(topic)
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
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin().listOffsets(earliest).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(WAIT_SECONDS, TimeUnit.SECONDS);
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
            Map<String, Object> config = clients.admin();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
