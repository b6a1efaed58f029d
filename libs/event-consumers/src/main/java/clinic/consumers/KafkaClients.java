package clinic.consumers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * Client settings for the admin, consumer and producer the operations views open themselves, from
 * the service's {@code kafka.*} configuration (the servers and, in production, SASL and TLS), each
 * given only the keys its kind of client knows so none logs unknown ones.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafka;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    public Map<String, Object> admin() {
        return only(AdminClientConfig.configNames());
    }

    public Map<String, Object> consumer() {
        return only(ConsumerConfig.configNames());
    }

    public Map<String, Object> producer() {
        return only(ProducerConfig.configNames());
    }

    private Map<String, Object> only(Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
