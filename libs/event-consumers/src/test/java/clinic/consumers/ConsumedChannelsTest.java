package clinic.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The channels watched and replayed are exactly the ones the messaging configuration declares, with the connector's defaults. */
class ConsumedChannelsTest {

    @Test
    void readsEveryKafkaChannelWithItsTopicGroupAndDeadLetterTopic() {
        ConsumedChannels channels = new ConsumedChannels(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "quarkus.application.name", "content-service",
                "mp.messaging.incoming.appointments.connector", "smallrye-kafka",
                "mp.messaging.incoming.appointments.topic", "clinic.appointments.v1",
                "mp.messaging.incoming.appointments.group.id", "content-service",
                "mp.messaging.incoming.appointments.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.appointments.dead-letter-queue.topic", "clinic.appointments.v1.dlq",
                // the connector's defaults: topic = channel, group = application, dead-letter-topic-<topic>
                "mp.messaging.incoming.audit.connector", "smallrye-kafka",
                "mp.messaging.incoming.audit.failure-strategy", "dead-letter-queue",
                // no dead letters, and a channel of another connector
                "mp.messaging.incoming.ticks.connector", "smallrye-kafka",
                "mp.messaging.incoming.memory.connector", "smallrye-in-memory"), "test", 100)).build());

        assertEquals(List.of(
                new ConsumedChannel("appointments", "clinic.appointments.v1", "content-service", "clinic.appointments.v1.dlq"),
                new ConsumedChannel("audit", "audit", "content-service", "dead-letter-topic-audit"),
                new ConsumedChannel("ticks", "ticks", "content-service", null)), channels.all());
        assertEquals(List.of("appointments", "audit"), channels.deadLettering().stream().map(ConsumedChannel::channel).toList());
        assertEquals("content-service-dead-letter-replay", channels.replayGroup());
    }
}
