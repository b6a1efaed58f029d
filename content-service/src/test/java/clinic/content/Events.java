package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.local.infra.test.TestServers;

/** Publishes events to the real topic with a plain Kafka producer, as booking's relay would. */
public final class Events {

    public static final String TOPIC = "clinic.appointments.v1";
    public static final String DLQ = "clinic.appointments.v1.dlq";

    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    /** Sends a conforming event: it is first checked against booking's schema. */
    public static void publish(JsonNode event) {
        assertEquals(java.util.Set.of(), EventSchema.violations(event), "test fixture must conform to the event schema");
        publishRaw(event.get("appointmentId").asText(), event.toString());
    }

    /** Sends anything, for the tests that need a payload outside the contract (poison, newer producer). */
    public static void publishRaw(String key, String payload) {
        send(TOPIC, key, payload);
    }

    /** Puts a record straight on the dead-letter topic, as the consumer's failure strategy would. */
    public static void publishDeadLetter(String key, String payload) {
        send(DLQ, key, payload);
    }

    /** As {@link #publishDeadLetter}, with the headers the connector's failure strategy writes: the failure's message and class. */
    public static void publishDeadLetter(String key, String payload, String reason, String exceptionClass) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DLQ, key, payload);
        record.headers().add("dead-letter-reason", reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("dead-letter-exception-class-name", exceptionClass.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(record);
    }

    private static void send(String topic, String key, String payload) {
        send(new ProducerRecord<>(topic, key, payload));
    }

    private static void send(ProducerRecord<String, String> record) {
        String topic = record.topic();
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A reader of the dead-letter topic from its beginning, under a group of its own. */
    public static DeadLetters deadLetters() {
        return new DeadLetters();
    }

    /** Accumulates what the dead-letter topic holds; poll it inside an Awaitility condition. */
    public static final class DeadLetters implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        private DeadLetters() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(DLQ));
        }

        public List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }
}
