package clinic.screening.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import clinic.screening.policy.PolicyDocument;

/** One version of the safety policy; the highest version is active and older ones stay for the audit trail. */
@Entity
@Table(name = "policy_version")
@Immutable
public class PolicyVersion {

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public PolicyDocument document;

    @Column(name = "change_note")
    public String changeNote;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
