package clinic.content.api;

import java.time.Instant;
import java.util.UUID;

/** Whether a patient receives non-essential messages (reminders, later aftercare); essential ones always go. */
public record MessagePreferences(UUID patientId, boolean nonEssential, Instant optedOutAt) {
}
