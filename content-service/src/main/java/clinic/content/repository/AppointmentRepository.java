package clinic.content.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.content.domain.Appointment;
import clinic.web.sql.PlainSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Appointments as the events describe them. The event path reads, inserts and updates them with
 * plain SQL on the transaction's connection (every event does each once; see {@link PlainSql} for
 * why); the objects it reads stay unmanaged, so each change is written by {@link #insert} or
 * {@link #update}. {@code EventPathWritesTest} checks that every mapped field survives both.
 */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** In the order of {@link #columns}; the key first. */
    private static final List<String> COLUMN_NAMES = List.of("appointment_id", "patient_id", "procedure", "status",
            "last_sequence", "start_at", "end_at", "completed_at", "arrived_at", "day_closed", "practitioner_away",
            "confirmation_owed", "updated_at");
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    private static final String INSERT = "INSERT INTO appointment (" + COLUMNS + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMN_NAMES.size(), "?")) + ")";
    private static final String UPDATE = "UPDATE appointment SET "
            + COLUMN_NAMES.stream().skip(1).map(name -> name + " = ?").collect(Collectors.joining(", "))
            + " WHERE appointment_id = ?";

    @Inject
    DataSource dataSource;

    /** Locks the row so two events of one appointment are never applied side by side. */
    public Optional<Appointment> findForUpdate(UUID appointmentId) {
        // the lock Hibernate's PESSIMISTIC_WRITE took: it lets the messages' foreign key checks through
        return PlainSql.first(dataSource, "SELECT " + COLUMNS + " FROM appointment WHERE appointment_id = ? FOR NO KEY UPDATE",
                row -> {
                    Appointment a = new Appointment();
                    a.appointmentId = row.getObject(1, UUID.class);
                    a.patientId = row.getObject(2, UUID.class);
                    a.procedure = row.getString(3);
                    a.status = row.getString(4);
                    a.lastSequence = row.getLong(5);
                    a.startAt = instant(row.getObject(6, OffsetDateTime.class));
                    a.endAt = instant(row.getObject(7, OffsetDateTime.class));
                    a.completedAt = instant(row.getObject(8, OffsetDateTime.class));
                    a.arrivedAt = instant(row.getObject(9, OffsetDateTime.class));
                    a.dayClosed = row.getBoolean(10);
                    a.practitionerAway = row.getBoolean(11);
                    a.confirmationOwed = row.getBoolean(12);
                    a.updatedAt = instant(row.getObject(13, OffsetDateTime.class));
                    return a;
                }, appointmentId);
    }

    public void insert(Appointment a) {
        PlainSql.update(dataSource, INSERT, columns(a).toArray());
    }

    public void update(Appointment a) {
        List<Object> values = columns(a);
        List<Object> setThenKey = new ArrayList<>(values.subList(1, values.size()));
        setThenKey.add(a.appointmentId);
        if (PlainSql.update(dataSource, UPDATE, setThenKey.toArray()) != 1) {
            throw new IllegalStateException("appointment " + a.appointmentId + " is not recorded; nothing to update");
        }
    }

    /** What {@link #insert} and {@link #update} write, in the order of their columns; equal when nothing changed. */
    public static List<Object> columns(Appointment a) {
        return Arrays.asList(a.appointmentId, a.patientId, a.procedure, a.status, a.lastSequence, a.startAt, a.endAt,
                a.completedAt, a.arrivedAt, a.dayClosed, a.practitionerAway, a.confirmationOwed, a.updatedAt);
    }

    /** A merged duplicate's appointments now belong to the survivor. */
    public int moveToPatient(UUID duplicateId, UUID survivorId) {
        return update("patientId = ?1 where patientId = ?2", survivorId, duplicateId);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
