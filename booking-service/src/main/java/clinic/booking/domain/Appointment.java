package clinic.booking.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A booked appointment. Of screening it keeps only what the front desk may see: the decision id,
 * the outcome and the rule ids (reason codes).
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    public ProcedureCode procedureCode;
    public UUID practitionerId;
    public UUID roomId;
    public Instant startAt;
    public Instant endAt;
    public Instant occupiedUntil;

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    public UUID screeningDecisionId;
    public String screeningOutcome;
    /** Comma-separated rule ids: front-desk-safe codes, never clinical detail. */
    public String screeningReasonCodes = "";
    public String cancelReason;
    public Instant completedAt;
    public int eventSequence;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> reasonCodes() {
        return screeningReasonCodes == null || screeningReasonCodes.isBlank() ? List.of()
                : Arrays.asList(screeningReasonCodes.split(","));
    }

    public void recordScreening(UUID decisionId, String outcome, List<String> ruleIds) {
        this.screeningDecisionId = decisionId;
        this.screeningOutcome = outcome;
        this.screeningReasonCodes = String.join(",", ruleIds);
    }

    /** Moves to the next status, or fails with the reason it may not. */
    public void moveTo(AppointmentStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        status = next;
        updatedAt = now;
    }
}
