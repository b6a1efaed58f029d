package clinic.booking.desk;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the front desk learns of a self-service intake link it sent: never the link itself. */
public record InvitationSent(UUID invitationId, UUID patientId, String email, OffsetDateTime expiresAt, String mailStatus) {
}
