package clinic.content.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dispatcher claims, sends and retries: {@code content.dispatch.*}. */
@ConfigMapping(prefix = "content.dispatch")
public interface DispatchConfig {

    /**
     * Longest wait between two looks at the table when nothing wakes the dispatcher: bounds how
     * late a scheduled message (a reminder, an aftercare step) or a retry goes out. A consumed
     * event or a staff resend wakes it at once.
     */
    @WithDefault("1s")
    Duration every();

    /**
     * After a wake-up, how long the dispatcher lets messages gather before it claims: at a busy
     * time one claim then takes the confirmations of several bookings instead of one each (a claim
     * is planned for its parameters every time, about a millisecond of the database's CPU). Delays
     * an e-mail by at most this much.
     */
    @WithDefault("25ms")
    Duration gather();

    /** Sends in flight at once over the pooled SMTP connections (keep at or below quarkus.mailer.max-pool-size). */
    @WithDefault("16")
    int parallelSends();

    /** Wait after the first failed attempt; doubles with each further failure. */
    @WithDefault("PT10S")
    Duration backoffInitial();

    @WithDefault("PT5M")
    Duration backoffMax();

    /** Longest wait for the SMTP server to accept one message. */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /** A claim older than this whose send never finished belonged to a process that died: sent again. */
    @WithDefault("PT45S")
    Duration claimLease();

    /** How long after its due time the last step of an aftercare plan is still worth sending. */
    @WithDefault("P1D")
    Duration lastStepGrace();

    /** A message staff send again whose deadline has passed (or is nearer) gets this long from the resend. */
    @WithDefault("PT1H")
    Duration resendWindow();
}
