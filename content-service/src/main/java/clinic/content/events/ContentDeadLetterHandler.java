package clinic.content.events;

import clinic.consumers.DeadLetterHandler;

/**
 * content's consumers as the handlers of their dead letters: a failure of a replay may pass by the
 * same rule as the consumers' own retries ({@link PassingFailure}), which also takes the database's
 * refusal by its own rules as an event that can never be applied.
 */
interface ContentDeadLetterHandler extends DeadLetterHandler {

    @Override
    default boolean mayPass(Throwable failure) {
        return new PassingFailure().test(failure);
    }
}
