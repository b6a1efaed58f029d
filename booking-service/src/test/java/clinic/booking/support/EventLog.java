package clinic.booking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what booking published on its topics (appointments unless named), from the real broker. */
public final class EventLog {

    public static final String TOPIC = "clinic.appointments.v1";
    public static final String PATIENTS = "clinic.patients.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLog() {
    }

    /** A published record: its key, partition and parsed value. */
    public record Event(String key, int partition, long offset, JsonNode value) {
        public String type() {
            return value.get("type").asText();
        }
    }

    /** Every event on the appointments topic so far, in partition order. */
    public static List<Event> all() {
        return all(TOPIC);
    }

    /** The events on a topic with this key, in the order a consumer of its partition sees them. */
    public static List<Event> of(String topic, String key) {
        return all(topic).stream().filter(e -> key.equals(e.key()))
                .sorted(java.util.Comparator.comparingLong(Event::offset)).collect(Collectors.toList());
    }

    /** Every event on the topic so far, in partition order. */
    public static List<Event> all(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<Event> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new Event(record.key(), record.partition(), record.offset(), parse(record.value())));
                }
            }
            return events;
        }
    }

    /** The events of one appointment, in the order a consumer of its partition sees them. */
    public static List<Event> of(String appointmentId) {
        return of(TOPIC, appointmentId);
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }
}
