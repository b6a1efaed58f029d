package clinic.screening.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import clinic.screening.policy.Outcome;
import clinic.screening.policy.Procedure;
import clinic.screening.policy.Reason;

/** One screening decision exactly as it was made: who, when, on what inputs, under which policy version. */
@Entity
@Table(name = "screening_decision")
@Immutable
public class ScreeningDecision {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Procedure procedure;

    @Column(name = "requested_start", nullable = false)
    public Instant requestedStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Reason> reasons;

    @Column(name = "earliest_eligible_start")
    public Instant earliestEligibleStart;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "intake_version")
    public Integer intakeVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public InputsSummary inputs;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
