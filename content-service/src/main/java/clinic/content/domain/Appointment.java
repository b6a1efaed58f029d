package clinic.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An appointment as the event stream last described it. */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String procedure;

    /** The booking status after the last applied event (booking's vocabulary, e.g. CONFIRMED). */
    @Column(nullable = false)
    public String status;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** When the patient checked in at the appointment's current time; null before, and after a move. */
    @Column(name = "arrived_at")
    public Instant arrivedAt;

    /** The clinic has closed the day the appointment is booked on (until it opens it again, or a move). */
    @Column(name = "day_closed", nullable = false)
    public boolean dayClosed;

    /** Time off of its practitioner covers it (until the time off is removed, or a move). */
    @Column(name = "practitioner_away", nullable = false)
    public boolean practitionerAway;

    /** Confirmed while it could not go ahead as booked: the patient is told once it can. */
    @Column(name = "confirmation_owed", nullable = false)
    public boolean confirmationOwed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isCompleted() {
        return completedAt != null;
    }

    public boolean patientArrived() {
        return arrivedAt != null;
    }

    /** Neither is the clinic closed that day nor is the practitioner away then: the patient may be asked to come. */
    public boolean canGoAheadAsBooked() {
        return !dayClosed && !practitionerAway;
    }
}
