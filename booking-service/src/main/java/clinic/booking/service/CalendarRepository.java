package clinic.booking.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.BusyTimeline;
import clinic.booking.domain.SlotFinder;
import clinic.booking.domain.WeeklyHours;
import clinic.booking.domain.WorkingHours;

/**
 * Loads what the slot finder needs for a period: hours, time off, clinic closures, rooms and the time already taken.
 * <p>
 * Read with plain SQL rather than through Hibernate on purpose: a month of availability reads a
 * few thousand appointments, and building entities or projections for them was the largest part
 * of the answer's time (measured by deploy/local/benchmark). Here each row is four numbers
 * and two ids, straight into the slot finder's arrays. The connection is the transaction's own.
 */
@ApplicationScoped
public class CalendarRepository {

    /** Practitioners (by name) and rooms (by name) with their busy time, ready for a {@link SlotFinder}. */
    public record Calendars(List<SlotFinder.PractitionerCalendar> practitioners, List<SlotFinder.RoomCalendar> rooms) {
    }

    private static final String BUSY_TIME = """
            SELECT practitioner_id, room_id,
                   (date_part('epoch', start_at) * 1000)::bigint, (date_part('epoch', occupied_until) * 1000)::bigint
              FROM appointment
             WHERE status = ANY (?) AND start_at > ?::timestamptz - appointment_longest_occupancy() AND start_at < ?
               AND occupied_until > ? AND id IS DISTINCT FROM ?
            UNION ALL
            SELECT practitioner_id, NULL,
                   (date_part('epoch', start_at) * 1000)::bigint, (date_part('epoch', end_at) * 1000)::bigint
              FROM time_off
             WHERE end_at > ? AND start_at < ?
            UNION ALL
            SELECT p.id, NULL,
                   (date_part('epoch', c.start_at) * 1000)::bigint, (date_part('epoch', c.end_at) * 1000)::bigint
              FROM clinic_closure c CROSS JOIN practitioner p
             WHERE c.end_at > ? AND c.start_at < ? AND p.active""";

    private static final String PRACTITIONER_HOURS = """
            SELECT p.id, h.day_of_week, h.start_time, h.end_time, h.kind
              FROM practitioner p LEFT JOIN working_hours h ON h.practitioner_id = p.id
             WHERE p.active AND (?::uuid IS NULL OR p.id = ?::uuid)
             ORDER BY p.name, p.id""";

    private static final String ROOMS = "SELECT id FROM room WHERE room_type = ? AND active ORDER BY name";

    @Inject
    DataSource dataSource;

    /**
     * @param practitionerId only this practitioner, or all active ones when null
     * @param ignoring an appointment whose own time does not count (the one being rescheduled), or null
     */
    public Calendars load(String roomType, Instant from, Instant to, UUID practitionerId, UUID ignoring) {
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, BusyTimeline.Builder> practitionerBusy = new HashMap<>();
            Map<UUID, BusyTimeline.Builder> roomBusy = new HashMap<>();
            readBusyTime(connection, from, to, ignoring, practitionerBusy, roomBusy);
            return new Calendars(readPractitioners(connection, practitionerId, practitionerBusy),
                    readRooms(connection, roomType, roomBusy));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the calendar", e);
        }
    }

    private static void readBusyTime(Connection connection, Instant from, Instant to, UUID ignoring,
            Map<UUID, BusyTimeline.Builder> practitionerBusy, Map<UUID, BusyTimeline.Builder> roomBusy) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BUSY_TIME)) {
            query.setArray(1, connection.createArrayOf("text",
                    AppointmentStatus.HOLDING_TIME.stream().map(Enum::name).toArray()));
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            query.setTimestamp(4, Timestamp.from(from));
            query.setObject(5, ignoring);
            query.setTimestamp(6, Timestamp.from(from));
            query.setTimestamp(7, Timestamp.from(to));
            // a clinic closure is busy time for every practitioner
            query.setTimestamp(8, Timestamp.from(from));
            query.setTimestamp(9, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long start = rows.getLong(3);
                    long end = rows.getLong(4);
                    practitionerBusy.computeIfAbsent(rows.getObject(1, UUID.class), id -> new BusyTimeline.Builder()).add(start, end);
                    UUID room = rows.getObject(2, UUID.class);
                    if (room != null) {
                        roomBusy.computeIfAbsent(room, id -> new BusyTimeline.Builder()).add(start, end);
                    }
                }
            }
        }
    }

    private static List<SlotFinder.PractitionerCalendar> readPractitioners(Connection connection, UUID practitionerId,
            Map<UUID, BusyTimeline.Builder> busy) throws SQLException {
        Map<UUID, List<WeeklyHours.Block>> hours = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(PRACTITIONER_HOURS)) {
            query.setObject(1, practitionerId);
            query.setObject(2, practitionerId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<WeeklyHours.Block> blocks = hours.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>());
                    int day = rows.getInt(2);
                    if (!rows.wasNull()) {
                        blocks.add(new WeeklyHours.Block(day, rows.getObject(3, LocalTime.class), rows.getObject(4, LocalTime.class),
                                WorkingHours.Kind.BREAK.name().equals(rows.getString(5))));
                    }
                }
            }
        }
        List<SlotFinder.PractitionerCalendar> calendars = new ArrayList<>(hours.size());
        hours.forEach((id, blocks) -> calendars.add(new SlotFinder.PractitionerCalendar(id, new WeeklyHours(blocks), timeline(busy, id))));
        return calendars;
    }

    private static List<SlotFinder.RoomCalendar> readRooms(Connection connection, String roomType,
            Map<UUID, BusyTimeline.Builder> busy) throws SQLException {
        List<SlotFinder.RoomCalendar> rooms = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ROOMS)) {
            query.setString(1, roomType);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    rooms.add(new SlotFinder.RoomCalendar(id, timeline(busy, id)));
                }
            }
        }
        return rooms;
    }

    private static BusyTimeline timeline(Map<UUID, BusyTimeline.Builder> busy, UUID id) {
        BusyTimeline.Builder builder = busy.get(id);
        return builder == null ? BusyTimeline.empty() : builder.build();
    }
}
