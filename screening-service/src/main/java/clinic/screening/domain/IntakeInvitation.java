package clinic.screening.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A self-service intake link sent to a patient: usable once, until it expires or a newer one replaces it. */
@Entity
@Table(name = "intake_invitation")
public class IntakeInvitation {

    /** What the link's state is for staff: nothing about the answers. */
    public enum State { WAITING, RECEIVED, EXPIRED, REPLACED }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** The intake version the patient's answers became. */
    @Column(name = "intake_version")
    public Integer intakeVersion;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    public State state(Instant now) {
        if (usedAt != null) {
            return State.RECEIVED;
        }
        if (replacedAt != null) {
            return State.REPLACED;
        }
        return now.isBefore(expiresAt) ? State.WAITING : State.EXPIRED;
    }
}
