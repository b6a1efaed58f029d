package clinic.content.repository;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.content.domain.ProcessedEvent;
import clinic.web.sql.PlainSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Consumed event ids. Every event asks once and records once, with plain SQL on the transaction's
 * connection (see {@link PlainSql} for why); {@code EventPathWritesTest} checks that every mapped
 * field survives the insert.
 */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    @Inject
    DataSource dataSource;

    public boolean contains(UUID eventId) {
        return PlainSql.first(dataSource, "SELECT 1 FROM processed_event WHERE event_id = ?", row -> true, eventId).isPresent();
    }

    /**
     * Records a consumed event. A second record of the same id fails (a unique violation: two
     * replicas applied it side by side, and the retry finds it recorded).
     */
    public void record(ProcessedEvent e) {
        PlainSql.update(dataSource, """
                INSERT INTO processed_event (event_id, appointment_id, event_type, sequence, outcome, processed_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                e.eventId, e.appointmentId, e.eventType, e.sequence, e.outcome.name(), e.processedAt);
    }
}
