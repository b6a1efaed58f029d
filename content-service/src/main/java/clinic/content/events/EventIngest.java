package clinic.content.events;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import clinic.content.service.EventService;

/**
 * Applies an event with a few retries for transient failures (database hiccup, two replicas racing
 * on one event id). A separate bean from {@link EventService} so each retry is a fresh transaction:
 * the retry interceptor must sit outside the transactional one.
 */
@ApplicationScoped
public class EventIngest {

    private final EventService events;

    public EventIngest(EventService events) {
        this.events = events;
    }

    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = InvalidEventException.class)
    public void apply(AppointmentEvent event) {
        events.apply(event);
    }
}
