package clinic.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event id we have consumed, and what it did: the idempotency record. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    /** What consuming an event did. */
    public enum Outcome { APPLIED, STALE, IGNORED }

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
