package clinic.screening.events;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.consumers.DeadLetterHandler;
import clinic.consumers.UnreadableEvent;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

import clinic.screening.service.PatientRecords;

/**
 * Reads booking's patient events (topic clinic.patients.v1, schema patient-event-v1 owned by
 * booking): merges and erasures; contact corrections do not concern screening, which holds no
 * contact data. Each event is applied once (its id is recorded with its effect). A transient
 * failure is retried with a growing delay, holding the partition, so a patient's events are applied
 * in order; an event that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class PatientEventConsumer implements DeadLetterHandler {

    /** The incoming channel ({@code mp.messaging.incoming.patient-events.*}). */
    public static final String CHANNEL = "patient-events";

    private final ObjectMapper json;
    private final PatientRecords records;

    public PatientEventConsumer(ObjectMapper json, PatientRecords records) {
        this.json = json;
        this.records = records;
    }

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
        switch (type) {
            case "PatientMerged" -> records.merged(uuid(event, "eventId"), uuid(event, "patientId"), uuid(event, "survivorId"));
            case "PatientErased" -> records.erased(uuid(event, "eventId"), uuid(event, "patientId"), uuids(event, "mergedPatientIds"));
            default -> Log.debugf("Patient event %s of type %s does not concern screening", event.path("eventId").asText(), type);
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
        } catch (JsonProcessingException e) {
            throw unreadable("not JSON");
        }
    }

    private static UUID uuid(JsonNode event, String field) {
        return id(event.path(field), field);
    }

    private static UUID id(JsonNode value, String field) {
        try {
            return UUID.fromString(value.isTextual() ? value.asText() : "");
        } catch (IllegalArgumentException e) {
            throw unreadable(field + " is not an id");
        }
    }

    private static List<UUID> uuids(JsonNode event, String field) {
        JsonNode values = event.path(field);
        if (!values.isArray()) {
            throw unreadable(field + " is not a list of ids");
        }
        List<UUID> ids = new ArrayList<>();
        values.forEach(value -> ids.add(id(value, field)));
        return ids;
    }

    private static UnreadableEvent unreadable(String why) {
        return new UnreadableEvent("unreadable patient event: " + why);
    }
}
