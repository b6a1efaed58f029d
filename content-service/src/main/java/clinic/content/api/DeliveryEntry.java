package clinic.content.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in the admin's delivery view: which appointment and step, when it was due, where it
 * stands. Never the recipient, subject or body.
 */
public record DeliveryEntry(UUID appointmentId, String kind, String step, boolean essential, Instant dueAt, String status,
        Instant sentAt, int attempts, String lastError) {
}
