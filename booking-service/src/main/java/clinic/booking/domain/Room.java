package clinic.booking.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A treatment room or device station; a procedure needs one of its room type. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String roomType;
    public boolean active = true;
}
