package clinic.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Finds free slots without any I/O: given each practitioner's hours and busy time and each room's
 * busy time, answers which starts fit a procedure. The one place the rules of a free slot live:
 * inside working hours (breaks excluded), nothing else booked for the practitioner or the room
 * during the procedure and its buffer, not in the past. (The working-hours part is written once more
 * in SQL, V11's {@code within_working_hours}, for the checks only the database can make: after a
 * write, and when the hours change.)
 */
public final class SlotFinder {

    /** What the finder knows of one practitioner. */
    public record PractitionerCalendar(UUID id, WeeklyHours hours, BusyTimeline busy) {
    }

    /** What the finder knows of one room of the needed type. */
    public record RoomCalendar(UUID id, BusyTimeline busy) {
    }

    /** The procedure's length and how long it keeps practitioner and room (length plus buffer). */
    public record Need(Duration duration, Duration occupancy) {
    }

    private final ZoneId zone;
    private final long stepMillis;
    private final List<PractitionerCalendar> practitioners;
    private final List<RoomCalendar> rooms;

    /** Practitioners are tried in the given order when any may take a slot; rooms likewise. */
    public SlotFinder(ZoneId zone, Duration step, List<PractitionerCalendar> practitioners, List<RoomCalendar> rooms) {
        this.zone = zone;
        this.stepMillis = step.toMillis();
        this.practitioners = practitioners;
        this.rooms = rooms;
    }

    /** Every free start on the grid between the dates (inclusive, clinic-local), ordered by time, then practitioner id. */
    public List<Slot> freeSlots(LocalDate from, LocalDate to, Need need, Instant notBefore, Predicate<Slot> acceptable) {
        List<PractitionerCalendar> byId = new ArrayList<>(practitioners);
        byId.sort(Comparator.comparing(PractitionerCalendar::id));
        long occupancy = need.occupancy().toMillis();
        long duration = need.duration().toMillis();
        long earliest = notBefore.toEpochMilli();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            int firstOfDay = slots.size();
            LocalDay day = LocalDay.of(date, zone);
            for (PractitionerCalendar practitioner : byId) {
                for (TimeRange open : practitioner.hours().openOn(day)) {
                    long openEnd = open.end().toEpochMilli();
                    for (long start = open.start().toEpochMilli(); start + occupancy <= openEnd; start += stepMillis) {
                        if (start < earliest) {
                            continue;
                        }
                        RoomCalendar room = freeRoom(practitioner, start, occupancy, null);
                        if (room == null) {
                            continue;
                        }
                        Slot slot = new Slot(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + duration),
                                practitioner.id(), room.id());
                        if (acceptable.test(slot)) {
                            slots.add(slot);
                        }
                    }
                }
            }
            // a day's open hours never reach into the next, each practitioner's starts are already in
            // order and practitioners come by id: a stable sort of the day by start alone is enough
            slots.subList(firstOfDay, slots.size()).sort(Comparator.comparing(Slot::start));
        }
        return slots;
    }

    /**
     * The slot at exactly this start, if it fits: with the given practitioner and room when named,
     * otherwise the first free ones.
     */
    public Optional<Slot> slotAt(Instant start, Need need, UUID practitionerId, UUID roomId) {
        LocalDay day = LocalDay.of(start.atZone(zone).toLocalDate(), zone);
        TimeRange wanted = new TimeRange(start, start.plus(need.occupancy()));
        for (PractitionerCalendar practitioner : practitioners) {
            if (practitionerId != null && !practitioner.id().equals(practitionerId)) {
                continue;
            }
            boolean withinHours = practitioner.hours().openOn(day).stream().anyMatch(open -> open.contains(wanted));
            RoomCalendar room = withinHours ? freeRoom(practitioner, start.toEpochMilli(), need.occupancy().toMillis(), roomId) : null;
            if (room != null) {
                return Optional.of(new Slot(start, start.plus(need.duration()), practitioner.id(), room.id()));
            }
        }
        return Optional.empty();
    }

    /** Whether any (or the named) practitioner works over the whole of this time, booked or not. */
    public boolean withinWorkingHours(Instant start, Need need, UUID practitionerId) {
        LocalDay day = LocalDay.of(start.atZone(zone).toLocalDate(), zone);
        TimeRange wanted = new TimeRange(start, start.plus(need.occupancy()));
        return practitioners.stream()
                .filter(p -> practitionerId == null || p.id().equals(practitionerId))
                .anyMatch(p -> p.hours().openOn(day).stream().anyMatch(open -> open.contains(wanted)));
    }

    /** The first free (or the named) room when the practitioner is free too, otherwise null. */
    private RoomCalendar freeRoom(PractitionerCalendar practitioner, long start, long occupancy, UUID roomId) {
        long occupiedUntil = start + occupancy;
        if (!practitioner.busy().isFree(start, occupiedUntil)) {
            return null;
        }
        for (RoomCalendar room : rooms) {
            if ((roomId == null || room.id().equals(roomId)) && room.busy().isFree(start, occupiedUntil)) {
                return room;
            }
        }
        return null;
    }
}
