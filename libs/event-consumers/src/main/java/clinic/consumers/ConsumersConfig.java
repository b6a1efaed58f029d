package clinic.consumers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code clinic.consumers.*}: how the consumers' operations views behave. */
@ConfigMapping(prefix = "clinic.consumers")
public interface ConsumersConfig {

    /**
     * How often consumer lag and dead-letter depth are read from Kafka (also read by
     * {@code @Scheduled}); numbers not read for three periods are reported as not known.
     */
    @WithDefault("5s")
    Duration refresh();
}
