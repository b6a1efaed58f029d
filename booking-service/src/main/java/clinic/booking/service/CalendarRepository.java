package clinic.booking.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.BusyTimeline;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.Room;
import clinic.booking.domain.SlotFinder;
import clinic.booking.domain.TimeOff;
import clinic.booking.domain.TimeRange;
import clinic.booking.domain.WeeklyHours;
import clinic.booking.domain.WorkingHours;

/** Loads what the slot finder needs for a period: hours, time off, rooms and the time already taken. */
@ApplicationScoped
public class CalendarRepository {

    /** Practitioners and rooms with their busy time, ready for a {@link SlotFinder}. */
    public record Calendars(List<SlotFinder.PractitionerCalendar> practitioners, List<SlotFinder.RoomCalendar> rooms) {
    }

    /**
     * @param practitionerId only this practitioner, or all active ones when null
     * @param ignoring an appointment whose own time does not count (the one being rescheduled), or null
     */
    public Calendars load(String roomType, Instant from, Instant to, UUID practitionerId, UUID ignoring) {
        Map<UUID, List<TimeRange>> practitionerBusy = new HashMap<>();
        Map<UUID, List<TimeRange>> roomBusy = new HashMap<>();
        for (TimeOff off : TimeOff.<TimeOff>list("endAt > ?1 and startAt < ?2", from, to)) {
            practitionerBusy.computeIfAbsent(off.practitionerId, id -> new ArrayList<>()).add(new TimeRange(off.startAt, off.endAt));
        }
        for (TakenTime a : takenTime(from, to, ignoring)) {
            TimeRange taken = new TimeRange(a.startAt(), a.occupiedUntil());
            practitionerBusy.computeIfAbsent(a.practitionerId(), id -> new ArrayList<>()).add(taken);
            roomBusy.computeIfAbsent(a.roomId(), id -> new ArrayList<>()).add(taken);
        }
        // read-only: nothing loaded here is changed, so the session need not keep snapshots to compare at commit
        List<Practitioner> practitioners = Practitioner
                .find("select distinct p from Practitioner p left join fetch p.weeklyHours where p.active = true order by p.name")
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
        var practitionerCalendars = practitioners.stream()
                .filter(p -> practitionerId == null || p.id.equals(practitionerId))
                .map(p -> new SlotFinder.PractitionerCalendar(p.id, weeklyHours(p),
                        BusyTimeline.of(practitionerBusy.getOrDefault(p.id, List.of()))))
                .toList();
        var roomCalendars = Room.<Room>find("roomType = ?1 and active = true order by name", roomType)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .map(r -> new SlotFinder.RoomCalendar(r.id, BusyTimeline.of(roomBusy.getOrDefault(r.id, List.of()))))
                .toList();
        return new Calendars(practitionerCalendars, roomCalendars);
    }

    /** Who and what an active appointment occupies, and when; read as a projection, not as entities. */
    public record TakenTime(UUID id, UUID practitionerId, UUID roomId, Instant startAt, Instant occupiedUntil) {
    }

    private static List<TakenTime> takenTime(Instant from, Instant to, UUID ignoring) {
        return Appointment.find("status in ?1 and occupiedUntil > ?2 and startAt < ?3", AppointmentStatus.HOLDING_TIME, from, to)
                .project(TakenTime.class).list().stream()
                .filter(a -> !a.id().equals(ignoring))
                .toList();
    }

    private static WeeklyHours weeklyHours(Practitioner practitioner) {
        return new WeeklyHours(practitioner.weeklyHours.stream()
                .map(h -> new WeeklyHours.Block(h.dayOfWeek, h.startTime, h.endTime, h.kind == WorkingHours.Kind.BREAK))
                .toList());
    }
}
