package clinic.booking.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.domain.Closure;
import clinic.web.sql.PlainSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Every query of the clinic_closure table (the calendar's slot read joins it in {@link CalendarRepository}). */
@ApplicationScoped
public class ClosureRepository implements PanacheRepositoryBase<Closure, UUID> {

    @Inject
    DataSource dataSource;

    /** Closures that overlap [from, to), first day first; either end may be open (null). */
    public List<Closure> overlapping(Instant from, Instant to) {
        if (from == null && to == null) {
            return list("order by firstDay, id");
        }
        if (from == null) {
            return list("startAt < ?1 order by firstDay, id", to);
        }
        if (to == null) {
            return list("endAt > ?1 order by firstDay, id", from);
        }
        return list("endAt > ?1 and startAt < ?2 order by firstDay, id", from, to);
    }

    /**
     * The first closure that overlaps [from, to), if any: its days and reason, not a managed entity.
     * Plain SQL, as every booking and move asks it after its write (see {@link PlainSql} for why).
     */
    public Optional<Closure> firstOverlapping(Instant from, Instant to) {
        return PlainSql.first(dataSource, """
                SELECT id, first_day, last_day, reason FROM clinic_closure
                 WHERE end_at > ? AND start_at < ? ORDER BY start_at LIMIT 1""", row -> {
                    Closure closure = new Closure();
                    closure.id = row.getObject(1, UUID.class);
                    closure.firstDay = row.getObject(2, LocalDate.class);
                    closure.lastDay = row.getObject(3, LocalDate.class);
                    closure.reason = row.getString(4);
                    return closure;
                }, from, to);
    }
}
