package clinic.local.stack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's clinic, written straight into booking's and screening's databases (registering
 * twenty thousand patients through the API would take longer than the measurement): practitioners
 * and rooms for each phase, patients with a clean intake, and the booking requests, each for a
 * new patient on a free practitioner and room.
 */
final class BenchData {

    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    static final int PRACTITIONERS = 20;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** One group of practitioners, each with a room of their own. */
    record Team(List<UUID> practitioners, List<UUID> rooms) {
    }

    private final String bookingUrl;
    private final String screeningUrl;
    private final String user;
    private final String password;

    BenchData(String bookingUrl, String screeningUrl, String user, String password) {
        this.bookingUrl = bookingUrl;
        this.screeningUrl = screeningUrl;
        this.user = user;
        this.password = password;
    }

    /** Twenty practitioners on the demo clinic's pattern: half Monday-Friday 09-17, half Tuesday-Saturday 10-18, each with a break. */
    Team demoHoursTeam() throws SQLException {
        return team("Demo hours", p -> p % 2 == 0
                ? new int[][] { { 1, 5, 9, 17, 13 } } : new int[][] { { 2, 6, 10, 18, 14 } });
    }

    /** Twenty practitioners working 07:00-22:00 every day. */
    Team longHoursTeam() throws SQLException {
        return team("Long hours", p -> new int[][] { { 1, 7, 7, 22, -1 } });
    }

    /** Makes only this team's practitioners bookable (availability lists every active one). */
    void activate(Team team) throws SQLException {
        try (Connection db = booking(); PreparedStatement update = db.prepareStatement(
                "UPDATE practitioner SET active = (id = ANY (?))")) {
            update.setArray(1, db.createArrayOf("uuid", team.practitioners().toArray()));
            update.executeUpdate();
        }
    }

    /** Four one-hour appointments a working day for each practitioner of the team over the days given. */
    int seedBusyTime(Team team, LocalDate from, int days) throws SQLException {
        int seeded = 0;
        try (Connection db = booking()) {
            db.setAutoCommit(false);
            UUID patient = patients(db, 1).get(0);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO appointment (id, patient_id, procedure_code, practitioner_id, room_id, start_at, end_at,
                        occupied_until, status, screening_decision_id, screening_outcome, screening_categories,
                        decision_intake_version, decision_policy_version, screened_start, created_at, updated_at)
                    SELECT ?, ?, 'CONSULTATION', ?, ?, ?, ?, ?, 'CONFIRMED', gen_random_uuid(), 'CLEARED', '', 1, 1, ?, now(), now()
                     WHERE EXISTS (SELECT 1 FROM working_hours h WHERE h.practitioner_id = ? AND h.kind = 'WORK'
                                     AND h.day_of_week = ? AND h.start_time <= ?::time AND h.end_time >= ?::time)""")) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = from.plusDays(d);
                    for (int p = 0; p < team.practitioners().size(); p++) {
                        for (int hour : new int[] { 10, 11, 15, 16 }) {
                            ZonedDateTime start = day.atTime(hour, 0).atZone(CLINIC_ZONE);
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, patient);
                            insert.setObject(3, team.practitioners().get(p));
                            insert.setObject(4, team.rooms().get(p));
                            insert.setTimestamp(5, Timestamp.from(start.toInstant()));
                            insert.setTimestamp(6, Timestamp.from(start.plusMinutes(30).toInstant()));
                            insert.setTimestamp(7, Timestamp.from(start.plusMinutes(30).toInstant()));
                            insert.setTimestamp(8, Timestamp.from(start.toInstant()));
                            insert.setObject(9, team.practitioners().get(p));
                            insert.setInt(10, day.getDayOfWeek().getValue());
                            insert.setString(11, LocalTime.of(hour, 0).toString());
                            insert.setString(12, LocalTime.of(hour, 30).toString());
                            insert.addBatch();
                        }
                    }
                }
                for (int count : insert.executeBatch()) {
                    seeded += count;
                }
            }
            db.commit();
        }
        return seeded;
    }

    /**
     * One booking request per line (JSON), each for a new patient with a clean intake, on the team's
     * practitioners and their own rooms, every hour 07:00-21:00 from the day after tomorrow on, so no
     * two requests compete for a practitioner, a room or a patient.
     */
    List<String> bookingRequests(Team team, int count) throws SQLException {
        List<UUID> patients;
        try (Connection db = booking()) {
            db.setAutoCommit(false);
            patients = patients(db, count);
            db.commit();
        }
        cleanIntakes(patients);
        List<String> requests = new ArrayList<>(count);
        LocalDate day = LocalDate.now(CLINIC_ZONE).plusDays(2);
        int hour = 7;
        int pair = 0;
        for (UUID patient : patients) {
            String start = ISO.format(day.atTime(hour, 0).atZone(CLINIC_ZONE).toOffsetDateTime());
            requests.add("{\"patientId\":\"" + patient + "\",\"procedure\":\"MICRODERMABRASION\",\"start\":\"" + start
                    + "\",\"practitionerId\":\"" + team.practitioners().get(pair) + "\",\"roomId\":\"" + team.rooms().get(pair) + "\"}");
            if (++pair == team.practitioners().size()) {
                pair = 0;
                if (++hour == 22) {
                    hour = 7;
                    day = day.plusDays(1);
                }
            }
        }
        return requests;
    }

    /** The Monday a few weeks out, where the availability phases look. */
    static LocalDate availabilityStart() {
        return LocalDate.now(CLINIC_ZONE).plusMonths(4).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private interface Hours {
        /** Blocks {firstDay, lastDay, fromHour, toHour, breakHour or -1} for practitioner p. */
        int[][] of(int p);
    }

    private Team team(String name, Hours hours) throws SQLException {
        List<UUID> practitioners = new ArrayList<>();
        List<UUID> rooms = new ArrayList<>();
        try (Connection db = booking()) {
            db.setAutoCommit(false);
            try (PreparedStatement practitioner = db.prepareStatement("INSERT INTO practitioner (id, name) VALUES (?, ?)");
                    PreparedStatement room = db.prepareStatement("INSERT INTO room (id, name, room_type) VALUES (?, ?, 'TREATMENT_ROOM')");
                    PreparedStatement block = db.prepareStatement("""
                            INSERT INTO working_hours (id, practitioner_id, day_of_week, start_time, end_time, kind)
                            VALUES (gen_random_uuid(), ?, ?, ?::time, ?::time, ?)""")) {
                for (int p = 0; p < PRACTITIONERS; p++) {
                    UUID id = UUID.randomUUID();
                    UUID roomId = UUID.randomUUID();
                    practitioner.setObject(1, id);
                    practitioner.setString(2, name + " " + (p + 1) + " " + id.toString().substring(0, 4));
                    practitioner.executeUpdate();
                    room.setObject(1, roomId);
                    room.setString(2, name + " room " + (p + 1) + " " + roomId.toString().substring(0, 4));
                    room.executeUpdate();
                    for (int[] b : hours.of(p)) {
                        for (int dow = b[0]; dow <= b[1]; dow++) {
                            addBlock(block, id, dow, b[2], b[3], "WORK");
                            if (b[4] >= 0) {
                                addBlock(block, id, dow, b[4], b[4], "BREAK");
                            }
                        }
                    }
                    practitioners.add(id);
                    rooms.add(roomId);
                }
            }
            db.commit();
        }
        return new Team(practitioners, rooms);
    }

    private static void addBlock(PreparedStatement block, UUID practitioner, int dow, int from, int to, String kind)
            throws SQLException {
        block.setObject(1, practitioner);
        block.setInt(2, dow);
        block.setString(3, LocalTime.of(from, 0).toString());
        // a break is half an hour from its hour
        block.setString(4, kind.equals("BREAK") ? LocalTime.of(from, 30).toString() : LocalTime.of(to, 0).toString());
        block.setString(5, kind);
        block.executeUpdate();
    }

    /** New patients who have a first intake (version 1) as far as booking knows. */
    private static List<UUID> patients(Connection db, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO patient (id, first_name, last_name, email, date_of_birth, created_at, intake_version)
                VALUES (?, 'Bench', ?, ?, DATE '1990-01-01', now(), 1)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, "Patient " + i);
                insert.setString(3, "bench-" + id.toString().substring(0, 8) + "@example.com");
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    /** Version 1 of a clean intake for each patient, completed today, as screening stores it. */
    private void cleanIntakes(List<UUID> patients) throws SQLException {
        try (Connection db = DriverManager.getConnection(screeningUrl, user, password)) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO intake (patient_id, version, isotretinoin, isotretinoin_last_dose, blood_thinners,
                        keloid_or_hypertrophic_scarring, active_infection_or_inflammation, active_acne, autoimmune_condition,
                        completed_on, recorded_by, recorded_at)
                    VALUES (?, 1, 'NEVER', NULL, false, false, false, false, false, ?, 'benchmark', now())""")) {
                for (UUID patient : patients) {
                    insert.setObject(1, patient);
                    insert.setObject(2, LocalDate.now(CLINIC_ZONE));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** Creates the pgbench anchor's tables: a booking-shaped insert checked by a GiST exclusion constraint, and an outbox. */
    void createAnchorTables() throws SQLException {
        try (Connection db = booking(); Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS bench_slot (
                        id uuid PRIMARY KEY, resource int NOT NULL, during tstzrange NOT NULL,
                        EXCLUDE USING gist (resource WITH =, during WITH &&))""");
            sql.execute("CREATE SEQUENCE IF NOT EXISTS bench_slot_hour");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS bench_outbox (
                        id bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, payload jsonb NOT NULL, created_at timestamptz NOT NULL)""");
        }
    }

    Connection booking() throws SQLException {
        return DriverManager.getConnection(bookingUrl, user, password);
    }
}
