package clinic.local.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the whole appointment events topic, as it stands, without joining a consumer group. */
final class EventTopic {

    static final String TOPIC = "clinic.appointments.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTopic() {
    }

    /** The event ids on the topic for each of these appointments, in the order they were published. */
    static Map<String, List<String>> eventIds(String bootstrapServers, Collection<String> appointmentIds) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<String>> ids = new HashMap<>();
        appointmentIds.forEach(id -> ids.put(id, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    List<String> forAppointment = ids.get(record.key());
                    if (forAppointment != null) {
                        forAppointment.add(JSON.readTree(record.value()).get("eventId").asText());
                    }
                }
            }
        }
        return ids;
    }
}
