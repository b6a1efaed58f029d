package clinic.content.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message of an appointment for staff. Status is one of PENDING, SENDING, SENT,
 * FAILED_RETRYING, UNCERTAIN (both retried automatically), FAILED, DROPPED (given up: staff may
 * resend or close), CLOSED, CANCELLED, SKIPPED (see MessageStatus). {@code deadlineAt}: after it
 * the message is no longer sent.
 */
public record AppointmentMessageResponse(UUID id, String kind, @Schema(nullable = true) String step,
        boolean essential, Instant dueAt,
        @Schema(nullable = true) Instant deadlineAt, String status, @Schema(nullable = true) Instant sentAt,
                int attempts, @Schema(nullable = true) String messageId, @Schema(nullable = true) String lastError) {
}
