package clinic.content.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of an appointment for staff. Status is one of PENDING, SENDING, SENT,
 * FAILED_RETRYING, UNCERTAIN (both retried automatically), FAILED, DROPPED (given up: staff may
 * resend or close), CLOSED, CANCELLED, SKIPPED (see MessageStatus). {@code deadlineAt}: after it
 * the message is no longer sent.
 */
public record AppointmentMessageResponse(UUID id, String kind, String step, boolean essential, Instant dueAt,
        Instant deadlineAt, String status, Instant sentAt, int attempts, String messageId, String lastError) {
}
