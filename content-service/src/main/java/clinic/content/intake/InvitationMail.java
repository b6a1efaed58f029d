package clinic.content.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The e-mail that carries one self-service intake link to a patient. */
@Entity
@Table(name = "intake_invitation_mail")
public class InvitationMail {

    /** Like an appointment message's status: SENDING that never finished becomes UNCERTAIN, never sent again. */
    public enum Status { PENDING, SENDING, SENT, FAILED_RETRYING, FAILED, UNCERTAIN, CANCELLED }

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** Null once the patient was erased. */
    public String recipient;

    /** Null once the patient was erased. */
    @Column(name = "first_name")
    public String firstName;

    /** The link (a credential): cleared once the e-mail went out or failed for good. */
    public String link;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
