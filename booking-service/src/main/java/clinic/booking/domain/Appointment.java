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
 * A booked appointment. Of screening it keeps only what the front desk may see and what tells
 * whether the decision is still current: the decision id, its outcome, front-desk categories, the
 * intake and policy versions and the start it was made for, and a clinician's verdict on it.
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
    /** Comma-separated front-desk categories (e.g. MEDICATION_HISTORY), never rule ids or clinical detail. */
    public String screeningCategories = "";
    public int decisionIntakeVersion;
    public int decisionPolicyVersion;
    /** The patient's {@code freedVersion} the decision was made with: the other appointments it saw. */
    public long decisionFreedVersion;
    /** The start the current decision was made for; the database refuses a screened status at any other. */
    public Instant screenedStart;

    @Enumerated(EnumType.STRING)
    public ReviewVerdict reviewVerdict;
    public String holdReason;
    public String cancelReason;
    /** When the patient was checked in; kept through a review or hold, cleared by a move. */
    public Instant checkedInAt;
    public Instant completedAt;
    public int eventSequence;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> categories() {
        return screeningCategories == null || screeningCategories.isBlank() ? List.of()
                : Arrays.asList(screeningCategories.split(","));
    }

    /** Rests the appointment on a new decision; any verdict on the previous one no longer applies. */
    public void recordDecision(ScreeningBasis basis, long freedVersion) {
        this.screeningDecisionId = basis.decisionId();
        this.screeningOutcome = basis.outcome();
        this.screeningCategories = String.join(",", basis.categories());
        this.decisionIntakeVersion = basis.intakeVersion();
        this.decisionPolicyVersion = basis.policyVersion();
        this.decisionFreedVersion = freedVersion;
        this.screenedStart = startAt;
        this.reviewVerdict = null;
    }

    /**
     * The status a decision that clears it (or a clinician's approval) leads to: CHECKED_IN when the
     * patient was checked in and is still here, whatever a review or hold did meanwhile; else CONFIRMED.
     */
    public AppointmentStatus afterClearing() {
        return checkedInAt != null ? AppointmentStatus.CHECKED_IN : AppointmentStatus.CONFIRMED;
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
