package clinic.content.events;

import clinic.consumers.UnreadableEvent;

/** A payload that is not an appointment or patient event: retrying cannot help, it goes to the dead-letter topic. */
public class InvalidEventException extends UnreadableEvent {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
