package clinic.content.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message staff should look at: given up (FAILED, DROPPED) or still retrying (FAILED_RETRYING,
 * UNCERTAIN), with what may be done about it ({@code actions}: RESEND, CLOSE). Ids only: the
 * front desk reads names from booking. CLOSED ones show who closed them and why.
 */
public record AttentionItem(UUID id, @Schema(nullable = true) UUID appointmentId,
        @Schema(nullable = true) UUID patientId, String kind, @Schema(nullable = true) String step, boolean essential,
        String status, Instant dueAt, @Schema(nullable = true) Instant deadlineAt, int attempts,
        @Schema(nullable = true) String lastError, Instant updatedAt,
        @Schema(nullable = true) String closedBy, @Schema(nullable = true) Instant closedAt,
        @Schema(nullable = true) String closedNote, List<String> actions) {
}
