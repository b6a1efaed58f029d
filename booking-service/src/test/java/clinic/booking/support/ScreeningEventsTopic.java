package clinic.booking.support;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes on screening's events topic what screening-service would, on the real broker. */
public final class ScreeningEventsTopic {

    public static final String TOPIC = "clinic.screening.v1";
    /** Where booking sets aside what it cannot read. */
    public static final String DEAD_LETTERS = "clinic.screening.v1.dlq";

    private ScreeningEventsTopic() {
    }

    /** As screening announces an intake recorded there: the patient's new latest version. */
    public static void intakeRecorded(String patientId, int intakeVersion) {
        send(patientId, intakeRecordedEvent(patientId, intakeVersion));
    }

    /** The payload of an IntakeRecorded event. */
    public static String intakeRecordedEvent(String patientId, int intakeVersion) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"IntakeRecorded\",\"version\":1,"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"patientId\":\"" + patientId + "\",\"intakeVersion\":" + intakeVersion + "}";
    }

    /** As screening announces a new policy version. */
    public static void policyPublished(int policyVersion) {
        send("policy", "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PolicyPublished\",\"version\":1,"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"policyVersion\":" + policyVersion + "}");
    }

    public static void send(String key, String payload) {
        send(TOPIC, key, payload);
    }

    /** Puts a payload straight into the dead-letter topic, as an older version of booking would have. */
    public static void deadLetter(String key, String payload) {
        send(DEAD_LETTERS, key, payload);
    }

    private static void send(String topic, String key, String payload) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, payload)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a screening event", e);
        }
    }
}
