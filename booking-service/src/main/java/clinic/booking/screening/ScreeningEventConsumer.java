package clinic.booking.screening;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.consumers.DeadLetterHandler;
import clinic.consumers.UnreadableEvent;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

import clinic.booking.service.RescreenWorker;
import clinic.booking.service.ScreeningInputs;

/**
 * Reads screening-service's events (topic clinic.screening.v1, schema screening-event-v1 owned by
 * screening): a patient's new intake version, a new policy version, a duplicate record's intakes
 * merged into the survivor. Each raises what booking knows of the decisions' inputs (or releases the
 * re-screens a merge held back), which makes the affected appointments owed a re-screen, and wakes
 * the worker. Raising a version is idempotent, so a redelivery changes nothing and no processed-event
 * record is needed. A transient failure (the database restarting) is retried with a growing delay,
 * holding the partition: nothing later could be applied without the database either. An event that
 * cannot be read is refused and goes to the dead-letter topic.
 */
@ApplicationScoped
public class ScreeningEventConsumer implements DeadLetterHandler {

    /** The incoming channel ({@code mp.messaging.incoming.screening-events.*}). */
    public static final String CHANNEL = "screening-events";

    @Inject
    ObjectMapper json;

    @Inject
    ScreeningInputs inputs;

    @Inject
    RescreenWorker worker;

    @Inject
    java.time.Clock clock;

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 1, durationUnit = ChronoUnit.DAYS, abortOn = UnreadableEvent.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        apply(payload);
    }

    /** Applies one event once, as {@link #consume} does without its retries: also a dead letter's replay. */
    @Override
    public void apply(String payload) {
        JsonNode event = read(payload);
        String type = event.path("type").asText("");
        boolean news = switch (type) {
            case "IntakeRecorded" -> inputs.intakeRecorded(uuid(event, "patientId"), positive(event, "intakeVersion"));
            case "PolicyPublished" -> inputs.policyPublished(positive(event, "policyVersion"));
            case "PatientMergeApplied" -> inputs.mergeApplied(uuid(event, "patientId"), uuid(event, "mergedPatientId"),
                    event.hasNonNull("intakeVersion") ? positive(event, "intakeVersion") : null, clock.instant());
            default -> {
                // a newer screening may add event types; this one does not concern booking
                Log.infof("Screening event %s of type %s ignored", event.path("eventId").asText(), type);
                yield false;
            }
        };
        if (news) {
            worker.wake();
        }
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    private JsonNode read(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event == null || !event.isObject()) {
                throw unreadable("not a JSON object");
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw unreadable("not JSON");
        }
    }

    private static UUID uuid(JsonNode event, String field) {
        try {
            return UUID.fromString(event.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw unreadable(field + " is not an id");
        }
    }

    private static int positive(JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            throw unreadable(field + " is not a positive whole number");
        }
        return value.intValue();
    }

    private static UnreadableEvent unreadable(String why) {
        return new UnreadableEvent("unreadable screening event: " + why);
    }
}
