package clinic.consumers;

/**
 * An event that no retry can apply (not an event, a field missing or malformed): the consumer
 * refuses it at once and it is dead-lettered; a replay that still cannot apply it puts it back. Its
 * message travels as the dead letter's reason, so it names fields, never their values.
 */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String why) {
        super(why, null, false, false);
    }

    public UnreadableEvent(String why, Throwable cause) {
        super(why, cause);
    }
}
