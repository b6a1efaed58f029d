package clinic.booking.domain;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One weekly block of work or break for a practitioner, in clinic-local time. */
@Entity
@Table(name = "working_hours")
public class WorkingHours extends PanacheEntityBase {

    /** WORK opens time for bookings; BREAK closes part of it again. */
    public enum Kind { WORK, BREAK }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "practitioner_id")
    public Practitioner practitioner;

    /** ISO day of week, 1 = Monday. */
    public int dayOfWeek;
    public LocalTime startTime;
    public LocalTime endTime;

    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.WORK;
}
