package clinic.booking.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who performs procedures, with weekly hours (and breaks) in the clinic's zone. */
@Entity
@Table(name = "practitioner")
public class Practitioner extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public boolean active = true;

    @OneToMany(mappedBy = "practitioner", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    public List<WorkingHours> weeklyHours = new ArrayList<>();
}
