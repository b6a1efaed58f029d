package clinic.content.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message staff should look at: given up (FAILED, DROPPED) or still retrying (FAILED_RETRYING,
 * UNCERTAIN), with what may be done about it ({@code actions}: RESEND, CLOSE). Ids only: the
 * front desk reads names from booking. CLOSED ones show who closed them and why.
 */
public record AttentionItem(UUID id, UUID appointmentId, UUID patientId, String kind, String step, boolean essential,
        String status, Instant dueAt, Instant deadlineAt, int attempts, String lastError, Instant updatedAt,
        String closedBy, Instant closedAt, String closedNote, List<String> actions) {
}
