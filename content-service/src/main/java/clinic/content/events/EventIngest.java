package clinic.content.events;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import clinic.content.service.EventService;
import clinic.content.service.PatientRecords;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * Applies an appointment or patient event, retrying with exponential backoff (100 ms doubling to 10 s) for as long as the
 * failure may pass: a database restart, a connection lost, two replicas racing on one event id.
 * The partition waits meanwhile, so later events of the same appointment keep their order; nothing
 * is dead-lettered for a failure of ours. Only an event that can never be applied (malformed, or
 * refused by the database's own rules) fails at once and goes to the dead-letter topic.
 *
 * <p>A separate bean from {@link EventService} so each retry is a fresh transaction: the retry
 * interceptor must sit outside the transactional one.
 */
@ApplicationScoped
@Retry(maxRetries = -1, maxDuration = 0, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50)
@ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
@RetryWhen(exception = PassingFailure.class)
@BeforeRetry(LogRetry.class)
public class EventIngest {

    private final EventService events;
    private final PatientRecords records;

    public EventIngest(EventService events, PatientRecords records) {
        this.events = events;
        this.records = records;
    }

    public void apply(AppointmentEvent event) {
        events.apply(event);
    }

    public void apply(PatientEvent event) {
        records.apply(event);
    }
}
