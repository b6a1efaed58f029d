package clinic.booking.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.booking.domain.Closure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Every query of the clinic_closure table (the calendar's slot read joins it in {@link CalendarRepository}). */
@ApplicationScoped
public class ClosureRepository implements PanacheRepositoryBase<Closure, UUID> {

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

    /** The first closure that overlaps [from, to), if any. */
    public Optional<Closure> firstOverlapping(Instant from, Instant to) {
        return find("endAt > ?1 and startAt < ?2 order by startAt", from, to).firstResultOptional();
    }
}
