package clinic.booking.desk;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Asks content-service to e-mail the patient their intake link (contact data and the link only; nothing medical). */
public record InvitationMail(UUID invitationId, UUID patientId, String email, String firstName, String link,
        OffsetDateTime expiresAt) {
}
