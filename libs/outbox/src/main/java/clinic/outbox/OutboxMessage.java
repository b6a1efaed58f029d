package clinic.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event to publish: its id, the topic, the key that keeps an aggregate's events in order (the
 * appointment, the patient, ...), its type (also sent as a header) and the JSON payload, which
 * the service that owns the event's contract has already written.
 */
public record OutboxMessage(UUID eventId, String topic, UUID key, String type, String payload, Instant createdAt) {
}
