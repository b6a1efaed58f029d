package clinic.booking.domain;

import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bookable procedure: how long it takes, the buffer after it, and the room type it needs. */
@Entity
@Table(name = "procedure_type")
public class ProcedureType extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public ProcedureCode code;
    public String name;
    public int durationMinutes;
    public int bufferAfterMinutes;
    public String roomType;

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** Duration plus buffer: how long the practitioner and room stay taken. */
    public Duration occupancy() {
        return Duration.ofMinutes((long) durationMinutes + bufferAfterMinutes);
    }
}
