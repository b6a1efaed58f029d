package clinic.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Finds free slots without any I/O: given each practitioner's hours and busy time and each room's
 * busy time, answers which starts fit a procedure. The one place the rules of a free slot live:
 * inside working hours (breaks excluded), nothing else booked for the practitioner or the room
 * during the procedure and its buffer, not in the past.
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
    private final Duration step;
    private final List<PractitionerCalendar> practitioners;
    private final List<RoomCalendar> rooms;

    public SlotFinder(ZoneId zone, Duration step, List<PractitionerCalendar> practitioners, List<RoomCalendar> rooms) {
        this.zone = zone;
        this.step = step;
        this.practitioners = practitioners;
        this.rooms = rooms;
    }

    /** Every free start on the grid between the dates (inclusive, clinic-local), ordered by time. */
    public List<Slot> freeSlots(LocalDate from, LocalDate to, Need need, Instant notBefore, Predicate<Slot> acceptable) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (PractitionerCalendar practitioner : practitioners) {
                for (TimeRange open : practitioner.hours().openOn(date, zone)) {
                    for (Instant start = open.start(); !start.plus(need.occupancy()).isAfter(open.end()); start = start.plus(step)) {
                        if (start.isBefore(notBefore)) {
                            continue;
                        }
                        freeAt(practitioner, start, need, null).filter(acceptable).ifPresent(slots::add);
                    }
                }
            }
        }
        slots.sort(java.util.Comparator.comparing(Slot::start).thenComparing(Slot::practitionerId));
        return slots;
    }

    /**
     * The slot at exactly this start, if it fits: with the given practitioner and room when named,
     * otherwise the first free ones.
     */
    public Optional<Slot> slotAt(Instant start, Need need, UUID practitionerId, UUID roomId) {
        LocalDate date = start.atZone(zone).toLocalDate();
        for (PractitionerCalendar practitioner : practitioners) {
            if (practitionerId != null && !practitioner.id().equals(practitionerId)) {
                continue;
            }
            TimeRange wanted = new TimeRange(start, start.plus(need.occupancy()));
            boolean withinHours = practitioner.hours().openOn(date, zone).stream().anyMatch(open -> open.contains(wanted));
            if (withinHours) {
                Optional<Slot> slot = freeAt(practitioner, start, need, roomId);
                if (slot.isPresent()) {
                    return slot;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether any (or the named) practitioner works over the whole of this time, booked or not. */
    public boolean withinWorkingHours(Instant start, Need need, UUID practitionerId) {
        LocalDate date = start.atZone(zone).toLocalDate();
        TimeRange wanted = new TimeRange(start, start.plus(need.occupancy()));
        return practitioners.stream()
                .filter(p -> practitionerId == null || p.id().equals(practitionerId))
                .anyMatch(p -> p.hours().openOn(date, zone).stream().anyMatch(open -> open.contains(wanted)));
    }

    private Optional<Slot> freeAt(PractitionerCalendar practitioner, Instant start, Need need, UUID roomId) {
        Instant occupiedUntil = start.plus(need.occupancy());
        if (!practitioner.busy().isFree(start, occupiedUntil)) {
            return Optional.empty();
        }
        for (RoomCalendar room : rooms) {
            if ((roomId == null || room.id().equals(roomId)) && room.busy().isFree(start, occupiedUntil)) {
                return Optional.of(new Slot(start, start.plus(need.duration()), practitioner.id(), room.id()));
            }
        }
        return Optional.empty();
    }
}
