package clinic.booking.desk;

import java.util.UUID;

/** Asks screening for a signed, expiring, single-use self-service intake link for a patient. */
public record InvitationRequest(UUID patientId) {
}
