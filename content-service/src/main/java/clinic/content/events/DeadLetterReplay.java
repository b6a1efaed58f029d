package clinic.content.events;

import clinic.consumers.DeadLetterHandler;

/**
 * What content's dead-letter replays share: a failure may pass unless the event can never be applied,
 * which here also takes the database's refusal by its own rules ({@link PassingFailure}).
 */
abstract class DeadLetterReplay implements DeadLetterHandler {

    private final PassingFailure passing = new PassingFailure();

    @Override
    public boolean mayPass(Throwable failure) {
        return passing.test(failure);
    }
}
