package clinic.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What content knows of a patient record: the newest contact data heard (by contact version, from
 * either topic), where a merged duplicate went, and whether the patient was erased.
 */
@Entity
@Table(name = "patient_record")
public class PatientRecord {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "first_name")
    public String firstName;

    public String email;

    @Column(name = "contact_version", nullable = false)
    public int contactVersion;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean erased() {
        return erasedAt != null;
    }
}
