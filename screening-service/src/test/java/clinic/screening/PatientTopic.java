package clinic.screening;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes on booking's patient topic what booking would (schema patient-event-v1), on the real broker. */
public final class PatientTopic {

    public static final String TOPIC = "clinic.patients.v1";
    /** Where screening sets aside what it cannot read. */
    public static final String DEAD_LETTERS = "clinic.patients.v1.screening.dlq";

    private PatientTopic() {
    }

    /** Booking merged the duplicate into the survivor; answers the event's payload (to send it again). */
    public static String merged(UUID duplicate, UUID survivor) {
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PatientMerged\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"patientId\":\"" + duplicate + "\",\"survivorId\":\"" + survivor
                + "\",\"contactVersion\":1,\"firstName\":\"Ola\",\"email\":\"survivor@example.com\"}";
        send(duplicate, event);
        return event;
    }

    /** Booking erased the patient and the records merged into it earlier. */
    public static void erased(UUID patient, List<UUID> merged) {
        send(patient, erasedEvent(patient, merged));
    }

    /** The payload of a PatientErased event. */
    public static String erasedEvent(UUID patient, List<UUID> merged) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PatientErased\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"patientId\":\"" + patient + "\",\"mergedPatientIds\":["
                + merged.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    }

    public static void send(UUID key, String payload) {
        send(TOPIC, key, payload);
    }

    /** Puts a payload straight into the dead-letter topic, as an older version of screening would have. */
    public static void deadLetter(UUID key, String payload) {
        send(DEAD_LETTERS, key, payload);
    }

    private static void send(String topic, UUID key, String payload) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key.toString(), payload)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a patient event", e);
        }
    }
}
