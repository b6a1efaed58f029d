package clinic.screening.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import clinic.screening.policy.IsotretinoinUse;

/** One version of a patient's intake questionnaire: medical data, written once, never changed. */
@Entity
@Table(name = "intake")
@Immutable
public class Intake {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IsotretinoinUse isotretinoin;

    @Column(name = "isotretinoin_last_dose")
    public LocalDate isotretinoinLastDose;

    @Column(name = "blood_thinners", nullable = false)
    public boolean bloodThinners;

    @Column(name = "keloid_or_hypertrophic_scarring", nullable = false)
    public boolean keloidOrHypertrophicScarring;

    @Column(name = "active_infection_or_inflammation", nullable = false)
    public boolean activeInfectionOrInflammation;

    @Column(name = "active_acne", nullable = false)
    public boolean activeAcne;

    @Column(name = "autoimmune_condition", nullable = false)
    public boolean autoimmuneCondition;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Whether a clinician recorded this version: only then may it clear what a clinician was asked to review. */
    @Column(name = "recorded_by_clinician", nullable = false)
    public boolean recordedByClinician;

    /** For a version copied from a duplicate record at a merge: that record and its version. */
    @Column(name = "copied_from_patient")
    public UUID copiedFromPatient;

    @Column(name = "copied_from_version")
    public Integer copiedFromVersion;

    /** Whether this version was completed later than the other (the later recording breaks a tie). */
    public boolean newerThan(Intake other) {
        int byCompletion = completedOn.compareTo(other.completedOn);
        return byCompletion != 0 ? byCompletion > 0 : recordedAt.isAfter(other.recordedAt);
    }
}
