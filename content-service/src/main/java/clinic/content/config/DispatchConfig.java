package clinic.content.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How the dispatcher claims, sends and retries: {@code content.dispatch.*}. */
@ConfigMapping(prefix = "content.dispatch")
public interface DispatchConfig {

    /** How often the job runs (read by {@code @Scheduled} on the dispatcher), e.g. 1s. */
    String every();

    /** Most messages one replica sends in one run of the job. */
    int batchSize();

    /** Wait after the first failed attempt; doubles with each further failure. */
    Duration backoffInitial();

    Duration backoffMax();

    /** Longest wait for the SMTP server to accept one message. */
    Duration sendTimeout();

    /** A claim older than this whose send never finished belonged to a process that died. */
    Duration claimLease();
}
