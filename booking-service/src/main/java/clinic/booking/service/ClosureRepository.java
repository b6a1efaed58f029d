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

    /**
     * Makes every booking and move wait until this transaction ends, and waits for those under way:
     * a closure then sees every appointment committed before it, and every booking or move
     * committed after it sees the closure (each checks after its own write, {@link AppointmentStore}).
     */
    public void holdAppointmentWrites() {
        getEntityManager().createNativeQuery("LOCK TABLE appointment IN SHARE MODE").executeUpdate();
    }
}
