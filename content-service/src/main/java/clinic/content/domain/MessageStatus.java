package clinic.content.domain;

import java.util.Set;

/**
 * Where a message is in its life. A message leaves PENDING or FAILED_RETRYING only through a claim
 * (SENDING), and SENDING never goes back to a state that would be claimed again unless the SMTP
 * server proved nothing was delivered: that is what makes sending at most once.
 */
public enum MessageStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Claimed by a dispatcher that is handing it to the SMTP server right now. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** The last attempt provably delivered nothing (no connection, or a temporary SMTP refusal); retried with backoff. */
    FAILED_RETRYING,
    /** Refused by the SMTP server for good (5xx reply): not delivered, not retried; staff should check the address. */
    FAILED,
    /** Withdrawn before it was sent (cancellation, reschedule, no-show, or superseded). */
    CANCELLED,
    /** Not sent on purpose: non-essential and the patient opted out. */
    SKIPPED,
    /**
     * A send began and we cannot know whether it reached the server (the process died while
     * SENDING, or the connection broke mid-conversation). Never re-sent automatically: staff check.
     */
    UNCERTAIN;

    /** The states the dispatcher may claim. */
    public static final Set<MessageStatus> CLAIMABLE = Set.of(PENDING, FAILED_RETRYING);

    /** The states in which the patient may have received the message. */
    public static final Set<MessageStatus> MAYBE_DELIVERED = Set.of(SENDING, SENT, UNCERTAIN);
}
