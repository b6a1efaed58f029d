package clinic.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whole clinic-local days on which the clinic is closed (a holiday, a refurbishment): nothing is offered then. */
@Entity
@Table(name = "clinic_closure")
public class Closure {

    @Id
    public UUID id;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    /** Inclusive. */
    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    /** The first day's midnight in the clinic's zone. */
    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    /** The midnight after the last day in the clinic's zone. */
    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
