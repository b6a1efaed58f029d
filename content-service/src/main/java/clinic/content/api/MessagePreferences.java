package clinic.content.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a patient receives non-essential messages (reminders, later aftercare); essential ones always go. */
public record MessagePreferences(UUID patientId, boolean nonEssential, @Schema(nullable = true) Instant optedOutAt) {
}
