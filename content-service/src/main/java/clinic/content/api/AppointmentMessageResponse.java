package clinic.content.api;

import java.time.Instant;

/**
 * One message of an appointment for staff. Status is one of PENDING, SENDING, SENT,
 * FAILED_RETRYING, FAILED, CANCELLED, SKIPPED, UNCERTAIN (see MessageStatus); UNCERTAIN means
 * check with the patient whether it arrived, it will not be re-sent automatically.
 */
public record AppointmentMessageResponse(String kind, String step, boolean essential, Instant dueAt, String status,
        Instant sentAt, int attempts, String messageId, String lastError) {
}
