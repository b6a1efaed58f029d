package clinic.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A patient's identity and contact details. Nothing medical: that lives in screening-service. An
 * erased patient keeps only its id (appointments kept for the clinic's records refer to it).
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public LocalDate dateOfBirth;
    public Instant createdAt;

    /** See the migration: bumped by every schedule change, checked by every booking. */
    public long scheduleVersion;

    /**
     * Counts the changes a person made to the patient's appointments (a cancellation, a move, ...),
     * after which an appointment held by a decision made before may pass (see the V10 migration).
     */
    public long freedVersion;

    /** The newest intake version screening has told us of (0: none); only ever raised. */
    public int intakeVersion;

    /** Raised by every correction of the contact data; events carry it so consumers keep the newest. */
    public int contactVersion;

    /** When the patient's data was erased on request, and by whom; null while the record is live. */
    public Instant erasedAt;
    public String erasedBy;

    public boolean erased() {
        return erasedAt != null;
    }
}
