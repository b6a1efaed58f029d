package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import clinic.local.infra.test.TestServers;

/**
 * Booking's patient events (topic clinic.patients.v1), built as booking publishes them and checked
 * against booking's own schema file before they are sent.
 */
public final class PatientEvents {

    public static final String TOPIC = "clinic.patients.v1";
    public static final String DLQ = "clinic.patients.v1.content.dlq";
    static final Path SCHEMA = Path.of("../booking-service/src/main/resources/events/patient-event-v1.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;
    private static KafkaProducer<String, String> producer;

    private PatientEvents() {
    }

    public static ObjectNode corrected(UUID patientId, int contactVersion, String firstName, String email) {
        ObjectNode e = base("PatientContactCorrected", patientId);
        e.put("contactVersion", contactVersion);
        e.put("firstName", firstName);
        e.put("email", email);
        return e;
    }

    public static ObjectNode merged(UUID duplicateId, UUID survivorId, int contactVersion, String firstName, String email) {
        ObjectNode e = corrected(duplicateId, contactVersion, firstName, email);
        e.put("type", "PatientMerged");
        e.put("survivorId", survivorId.toString());
        return e;
    }

    public static ObjectNode erased(UUID patientId, List<UUID> merged) {
        ObjectNode e = base("PatientErased", patientId);
        var ids = e.putArray("mergedPatientIds");
        merged.forEach(id -> ids.add(id.toString()));
        return e;
    }

    private static ObjectNode base(String type, UUID patientId) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("version", 1);
        e.put("occurredAt", Instant.now().toString());
        e.put("patientId", patientId.toString());
        return e;
    }

    /** Sends a conforming event, keyed by the record it is about, as booking's relay does. */
    public static void publish(JsonNode event) {
        assertEquals(Set.of(), violations(event), "test fixture must conform to booking's patient event schema");
        publishRaw(event.get("patientId").asText(), event.toString());
    }

    public static void publishRaw(String key, String payload) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, key, payload)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    /** A reader of content's patient dead-letter topic from its beginning; poll it inside an Awaitility condition. */
    public static DeadLetters deadLetters() {
        return new DeadLetters();
    }

    /** Accumulates what the dead-letter topic holds. */
    public static final class DeadLetters implements AutoCloseable {

        private final org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer;
        private final List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new java.util.ArrayList<>();

        private DeadLetters() {
            java.util.Properties props = new java.util.Properties();
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "patient-dlq-reader-" + UUID.randomUUID());
            props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer());
            consumer.subscribe(List.of(DLQ));
        }

        public List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> poll() {
            consumer.poll(java.time.Duration.ofMillis(300)).forEach(records::add);
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static synchronized Set<String> violations(JsonNode event) {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(SCHEMA)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(MAPPER.readTree(in),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(event).stream().map(Object::toString).collect(Collectors.toSet());
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            java.util.Properties props = new java.util.Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }
}
