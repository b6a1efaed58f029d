package clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A period in which a practitioner cannot be booked (leave, training, ...). */
@Entity
@Table(name = "time_off")
public class TimeOff extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID practitionerId;
    public Instant startAt;
    public Instant endAt;
    public String reason;
}
