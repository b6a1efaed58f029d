package clinic.content.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The topics and consumer groups the operations views watch: {@code content.kafka.*}. */
@ConfigMapping(prefix = "content.kafka")
public interface KafkaTopicsConfig {

    /** The appointment events topic (the same as the consumer channel's). */
    @WithDefault("clinic.appointments.v1")
    String topic();

    /** The consumer group whose lag is reported. */
    @WithDefault("content-service")
    String group();

    @WithName("dead-letter-topic")
    @WithDefault("clinic.appointments.v1.dlq")
    String deadLetterTopic();

    /** The group that remembers how far the dead-letter topic has been replayed. */
    @WithDefault("content-service-dead-letter-replay")
    String replayGroup();

    /** How often lag and dead-letter depth are read from Kafka (read by {@code @Scheduled}). */
    @WithDefault("5s")
    String refresh();
}
