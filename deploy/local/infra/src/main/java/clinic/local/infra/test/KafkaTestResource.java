package clinic.local.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a service's Kafka clients at a real Kafka broker for its tests. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestServers.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // the broker lives as long as the test JVM (TestServers stops it)
    }
}
