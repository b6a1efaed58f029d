package clinic.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the relay moves outbox rows to Kafka, and how long published rows are kept. */
@ConfigMapping(prefix = "clinic.outbox")
public interface OutboxConfig {

    /** Most rows taken in one relay transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * Longest wait between two looks at the table when no commit of this process wakes the relay:
     * it bounds how late a row committed by another replica, or left behind by a Kafka outage, is
     * published. A commit here wakes the relay at once.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long the relay waits for Kafka to acknowledge a batch before it gives up and retries later. */
    @WithDefault("15s")
    Duration ackTimeout();

    /**
     * How long a published row is kept (for an operator to see what left and when) before it is
     * purged. Unpublished rows are never purged.
     */
    @WithDefault("7d")
    Duration retention();

    /** How often published rows older than {@link #retention()} are looked for. */
    @WithDefault("1h")
    Duration purgeInterval();
}
