package clinic.booking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Free-slot rules without a database: hours, breaks, buffers, rooms and daylight-saving days. */
class SlotFinderTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final UUID PRACTITIONER = UUID.randomUUID();
    private static final UUID ROOM = UUID.randomUUID();
    private static final SlotFinder.Need ONE_HOUR_PLUS_15 = new SlotFinder.Need(Duration.ofMinutes(60), Duration.ofMinutes(75));

    private static WeeklyHours everyDay(LocalTime start, LocalTime end, LocalTime breakStart, LocalTime breakEnd) {
        List<WeeklyHours.Block> blocks = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            blocks.add(new WeeklyHours.Block(day, start, end, false));
            if (breakStart != null) {
                blocks.add(new WeeklyHours.Block(day, breakStart, breakEnd, true));
            }
        }
        return new WeeklyHours(blocks);
    }

    private static SlotFinder finder(WeeklyHours hours, List<TimeRange> practitionerBusy, List<TimeRange> roomBusy) {
        return new SlotFinder(WARSAW, Duration.ofMinutes(15),
                List.of(new SlotFinder.PractitionerCalendar(PRACTITIONER, hours, BusyTimeline.of(practitionerBusy))),
                List.of(new SlotFinder.RoomCalendar(ROOM, BusyTimeline.of(roomBusy))));
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), WARSAW).toInstant();
    }

    @Test
    void slotsStayInsideHoursAndOutsideBreaksWithTheBufferInside() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        List<Slot> slots = finder(everyDay(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(10, 30), LocalTime.of(11, 0)),
                List.of(), List.of()).freeSlots(day, day, ONE_HOUR_PLUS_15, Instant.EPOCH, s -> true);
        // 09:00-10:30 fits 09:00 and 09:15 (75 minutes each); 11:00-12:00 fits nothing
        assertEquals(List.of(at(day, 9, 0), at(day, 9, 15)), slots.stream().map(Slot::start).toList());
        assertEquals(at(day, 10, 0), slots.get(0).end());
    }

    @Test
    void busyPractitionerOrRoomTakesTheOverlappingStartsAway() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        WeeklyHours hours = everyDay(LocalTime.of(9, 0), LocalTime.of(13, 0), null, null);
        TimeRange tenToEleven = new TimeRange(at(day, 10, 0), at(day, 11, 0));
        for (SlotFinder f : List.of(finder(hours, List.of(tenToEleven), List.of()), finder(hours, List.of(), List.of(tenToEleven)))) {
            List<Instant> starts = f.freeSlots(day, day, ONE_HOUR_PLUS_15, Instant.EPOCH, s -> true).stream().map(Slot::start).toList();
            // 09:00 and later would run (with the buffer) into 10:00-11:00; 11:45 is the last that ends by 13:00
            assertEquals(List.of(at(day, 11, 0), at(day, 11, 15), at(day, 11, 30), at(day, 11, 45)), starts);
        }
    }

    @Test
    void daylightSavingDaysKeepLocalHours() {
        // Europe/Warsaw moves clocks forward on 2027-03-28 and back on 2026-10-25 (both Sundays)
        for (LocalDate day : List.of(LocalDate.of(2027, 3, 28), LocalDate.of(2026, 10, 25))) {
            List<Slot> slots = finder(everyDay(LocalTime.of(9, 0), LocalTime.of(11, 0), null, null), List.of(), List.of())
                    .freeSlots(day.minusDays(1), day.plusDays(1), ONE_HOUR_PLUS_15, Instant.EPOCH, s -> true);
            for (Slot slot : slots) {
                LocalTime local = slot.start().atZone(WARSAW).toLocalTime();
                assertTrue(!local.isBefore(LocalTime.of(9, 0)) && !local.isAfter(LocalTime.of(9, 45)), "slot at " + local);
                assertEquals(Duration.ofMinutes(60), Duration.between(slot.start(), slot.end()));
            }
            assertEquals(3 * 4, slots.size(), "four starts a day on each of three days around " + day);
        }
    }

    @Test
    void slotAtChecksTheExactStart() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        SlotFinder f = finder(everyDay(LocalTime.of(9, 0), LocalTime.of(13, 0), null, null),
                List.of(new TimeRange(at(day, 10, 0), at(day, 11, 0))), List.of());
        assertTrue(f.slotAt(at(day, 11, 5), ONE_HOUR_PLUS_15, null, null).isPresent(), "an off-grid start that fits");
        assertFalse(f.slotAt(at(day, 9, 30), ONE_HOUR_PLUS_15, null, null).isPresent(), "overlaps the busy hour");
        assertFalse(f.slotAt(at(day, 11, 50), ONE_HOUR_PLUS_15, null, null).isPresent(), "buffer runs past closing");
        assertTrue(f.withinWorkingHours(at(day, 9, 30), ONE_HOUR_PLUS_15, null));
        assertFalse(f.withinWorkingHours(at(day, 7, 0), ONE_HOUR_PLUS_15, null));
    }

    @Test
    void slotsComeByTimeThenPractitionerAndTakeTheFirstFreeRoom() {
        LocalDate day = LocalDate.of(2030, 1, 8);
        WeeklyHours nineToEleven = everyDay(LocalTime.of(9, 0), LocalTime.of(11, 0), null, null);
        UUID low = new UUID(0, 1);
        UUID high = new UUID(0, 2);
        UUID firstRoom = new UUID(1, 0);
        UUID secondRoom = new UUID(2, 0);
        // the first room is busy until 10:00, so earlier slots get the second one
        SlotFinder f = new SlotFinder(WARSAW, Duration.ofMinutes(15),
                List.of(new SlotFinder.PractitionerCalendar(high, nineToEleven, BusyTimeline.empty()),
                        new SlotFinder.PractitionerCalendar(low, nineToEleven, BusyTimeline.empty())),
                List.of(new SlotFinder.RoomCalendar(firstRoom, BusyTimeline.of(List.of(new TimeRange(at(day, 8, 0), at(day, 10, 0))))),
                        new SlotFinder.RoomCalendar(secondRoom, BusyTimeline.empty())));
        List<Slot> slots = f.freeSlots(day, day, ONE_HOUR_PLUS_15, Instant.EPOCH, s -> true);
        assertEquals(List.of(at(day, 9, 0), at(day, 9, 0), at(day, 9, 15), at(day, 9, 15), at(day, 9, 30), at(day, 9, 30),
                at(day, 9, 45), at(day, 9, 45)), slots.stream().map(Slot::start).toList());
        assertEquals(List.of(low, high, low, high, low, high, low, high), slots.stream().map(Slot::practitionerId).toList());
        assertEquals(secondRoom, slots.get(0).roomId());
        assertEquals(List.of(at(day, 9, 0)), f.freeSlots(day, day, ONE_HOUR_PLUS_15, at(day, 8, 59), s -> true).stream()
                .map(Slot::start).distinct().limit(1).toList());
        assertEquals(List.of(at(day, 9, 15)), f.freeSlots(day, day, ONE_HOUR_PLUS_15, at(day, 9, 1), s -> true).stream()
                .map(Slot::start).distinct().limit(1).toList(), "nothing before the earliest allowed start");
    }
}
