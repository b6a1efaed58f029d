package clinic.screening.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A clinician's one and only review of a NEEDS_REVIEW decision. */
@Entity
@Table(name = "screening_review")
@Immutable
public class ScreeningReview {

    /** What the clinician decided. */
    public enum Verdict {
        APPROVE,
        DENY
    }

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;
}
