package clinic.booking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.Closure;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.web.ProblemException;

/**
 * Clinic closures and holidays. A closure never moves or cancels appointments already booked in it:
 * the admin is told which ones there are, and the front desk moves or cancels them (each move or
 * cancellation e-mails the patient), because only a person can agree a new time with the patient.
 * Each of them gets an event in the same transaction (AppointmentDayClosed, and AppointmentDayReopened
 * when the closure is removed), so that no reminder asks the patient to come on a closed day.
 */
@ApplicationScoped
public class ClosureService {

    /** A closure reaches at most this far: a longer one is more likely a typo in the year than a plan. */
    static final int MAX_DAYS = 366;

    @Inject
    ClosureRepository closures;

    @Inject
    AppointmentRepository appointments;

    @Inject
    ClinicConfig config;

    @Inject
    Clock clock;

    @Inject
    AppointmentEvents events;

    /** A stored closure and the appointments that still hold time in it. */
    public record Added(Closure closure, List<Appointment> affected) {
    }

    @Transactional
    public Added add(LocalDate firstDay, LocalDate lastDay, String reason, String by) {
        ZoneId zone = config.timeZone();
        LocalDate last = lastDay == null ? firstDay : lastDay;
        if (last.isBefore(firstDay)) {
            throw ProblemException.badRequest("lastDay", "must not be before the first day");
        }
        if (ChronoUnit.DAYS.between(firstDay, last) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("lastDay", "a closure may cover at most " + MAX_DAYS + " days");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (last.isBefore(today)) {
            throw ProblemException.badRequest("lastDay", "is in the past (today is " + today + " in the clinic)");
        }
        appointments.holdWrites();
        Closure closure = new Closure();
        closure.id = UUID.randomUUID();
        closure.firstDay = firstDay;
        closure.lastDay = last;
        closure.startAt = firstDay.atStartOfDay(zone).toInstant();
        closure.endAt = last.plusDays(1).atStartOfDay(zone).toInstant();
        closure.reason = reason.strip();
        closure.createdBy = by;
        closure.createdAt = clock.instant();
        closures.persist(closure);
        List<Appointment> affected = affected(closure);
        affected.forEach(a -> events.record(AppointmentEventType.AppointmentDayClosed, a, null, null));
        return new Added(closure, affected);
    }

    /** Opens the closure's days again; appointments on them that no other closure covers hear of it. */
    @Transactional
    public void remove(UUID id) {
        Closure closure = closures.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Closure", id));
        closures.delete(closure);
        closures.flush();
        affected(closure).stream()
                .filter(a -> closures.firstOverlapping(a.startAt, a.occupiedUntil).isEmpty())
                .forEach(a -> events.record(AppointmentEventType.AppointmentDayReopened, a, null, null));
    }

    @Transactional
    public List<Closure> list(LocalDate from, LocalDate to) {
        ZoneId zone = config.timeZone();
        return closures.overlapping(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Appointments that hold time in the closure and are not done yet: the front desk must move or cancel them. */
    private List<Appointment> affected(Closure closure) {
        return appointments.stillToHappen(closure.startAt, closure.endAt, null);
    }
}
