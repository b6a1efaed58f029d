package clinic.consumers;

/**
 * How a service applies a dead letter of one of its channels when an operator replays it: once, as
 * the channel's consumer would, without the consumer's own retries (a replay reports what happened
 * and is run again, rather than waiting). Every channel that dead-letters has exactly one; the
 * service does not start without it.
 */
public interface DeadLetterHandler {

    /** The incoming channel whose dead letters this applies ({@code mp.messaging.incoming.<channel>}). */
    String channel();

    /** Applies one payload, or throws why it cannot be applied. */
    void apply(String payload);

    /**
     * Whether a failure of {@link #apply} may pass (the database restarting): the replay then stops
     * where it is, to be run again. Any other failure puts the dead letter back, with the new reason.
     * By default every failure but an {@link UnreadableEvent} may pass, as the consumers retry them.
     */
    default boolean mayPass(Throwable failure) {
        return !(failure instanceof UnreadableEvent);
    }

    /** Why a failure stopped or refused a payload, quoting no data: an unreadable event's message, else the failure's kind. */
    default String reason(Throwable failure) {
        return failure instanceof UnreadableEvent ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
