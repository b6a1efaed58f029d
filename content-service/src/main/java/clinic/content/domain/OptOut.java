package clinic.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patient who asked for no more non-essential messages. */
@Entity
@Table(name = "opt_out")
public class OptOut {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "opted_out_at", nullable = false)
    public Instant optedOutAt;
}
