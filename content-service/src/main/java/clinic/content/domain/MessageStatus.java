package clinic.content.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a message is in its life. Delivery is at least once: a message whose attempt may or may
 * not have reached the SMTP server is sent again with the same Message-ID (mail clients show one
 * message per Message-ID), until it is accepted or its deadline passes.
 */
public enum MessageStatus {
    /** Waiting for its due time (or for an earlier message of the same appointment). */
    PENDING,
    /** Claimed by a dispatcher that is handing it to the SMTP server right now. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** The last attempt provably delivered nothing (no connection, or a temporary SMTP refusal); retried with backoff. */
    FAILED_RETRYING,
    /** Refused by the SMTP server for good (5xx reply): not retried; staff check the address, resend or close. */
    FAILED,
    /** Withdrawn before it was sent (cancellation, reschedule, no-show, or superseded). */
    CANCELLED,
    /** Not sent on purpose: non-essential and the patient opted out. */
    SKIPPED,
    /**
     * An attempt broke off where the server may already have taken the message (timeout, reset,
     * or the process stopped while sending): sent again with the same Message-ID after a backoff.
     */
    UNCERTAIN,
    /** Not delivered before its deadline (the appointment started, or the next step was due): given up and recorded. */
    DROPPED,
    /** A failure staff closed by hand (for example after phoning the patient). */
    CLOSED;

    /** The states the dispatcher may claim. */
    public static final Set<MessageStatus> CLAIMABLE = Set.of(PENDING, FAILED_RETRYING, UNCERTAIN);

    /** Still on its way: an appointment's later messages wait while an earlier one is in one of these. */
    public static final Set<MessageStatus> UNSETTLED = Set.of(PENDING, SENDING, FAILED_RETRYING, UNCERTAIN);

    /**
     * {@link #CLAIMABLE} and {@link #UNSETTLED} written into SQL, for queries that partial indexes
     * must serve: a condition on the statuses as literals, which PostgreSQL matches against the
     * indexes' own (V3, V14), not as a parameter, which it cannot.
     */
    public static final String CLAIMABLE_SQL = sqlList(CLAIMABLE);
    public static final String UNSETTLED_SQL = sqlList(UNSETTLED);

    /** What staff should look at: given up, or retrying. */
    public static final Set<MessageStatus> ATTENTION = Set.of(FAILED, DROPPED, FAILED_RETRYING, UNCERTAIN);

    /** What staff may send again by hand. */
    /** May still go out, now or when staff resend it: a correction of the patient's contact data readdresses it. */
    public static final Set<MessageStatus> READDRESSABLE = Set.of(PENDING, FAILED_RETRYING, UNCERTAIN, FAILED, DROPPED);

    public static final Set<MessageStatus> RESENDABLE = Set.of(FAILED, DROPPED, FAILED_RETRYING, UNCERTAIN);

    /** What staff may close by hand. */
    public static final Set<MessageStatus> CLOSABLE = Set.of(FAILED, DROPPED, FAILED_RETRYING, UNCERTAIN);

    /** The statuses as an SQL list of literals in declaration order, e.g. {@code ('PENDING', 'SENT')}. */
    private static String sqlList(Set<MessageStatus> statuses) {
        return EnumSet.copyOf(statuses).stream().map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
