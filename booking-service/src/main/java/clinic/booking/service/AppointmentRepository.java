package clinic.booking.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.TimeRange;
import clinic.booking.screening.ScreeningRequest.OtherAppointment;
import clinic.web.ProblemException;
import clinic.web.sql.PlainSql;
import clinic.web.sql.UuidColumn;

/**
 * Appointment reads, and the insert of a new appointment: one place for every query of the
 * appointment table except the calendar's slot read. The patient's schedule, read on every booking,
 * is plain SQL for the same reason as the calendar (see {@link CalendarRepository}); so is the
 * insert (see {@link #insert}).
 */
@ApplicationScoped
public class AppointmentRepository {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /** A filter of the appointment list; null fields do not filter. */
    public record Filter(Instant from, Instant to, UUID practitionerId, UUID roomId, UUID patientId, AppointmentStatus status) {
    }

    /**
     * Makes every booking and move wait until this transaction ends, and waits for those under way:
     * a closure or time off added in this transaction then sees every appointment committed before
     * it, and every booking or move committed after it sees the closure or time off (each looks
     * again after its own write, {@link BlockedTime}).
     */
    public void holdWrites() {
        em.createNativeQuery("LOCK TABLE appointment IN SHARE MODE").executeUpdate();
    }

    public Appointment get(UUID id) {
        Appointment appointment = em.find(Appointment.class, id);
        if (appointment == null) {
            throw ProblemException.notFound("Appointment", id);
        }
        return appointment;
    }

    /**
     * Inserts a new appointment, every mapped column as the object holds it, with one plain statement
     * on the transaction's connection. Not {@code persist()}: on every booking, Hibernate's persist and
     * the flush it needs (to learn of an overlap before answering) were two thirds of the booking
     * transaction's CPU (JFR, deploy/local/benchmark). The object stays unmanaged; nothing changes it
     * after the insert. Later reads (find, HQL) map the row as usual; {@code AppointmentInsertTest}
     * checks that every field survives the round trip.
     */
    public void insert(Appointment a) {
        PlainSql.update(dataSource, """
                INSERT INTO appointment (id, patient_id, procedure_code, practitioner_id, room_id, start_at, end_at,
                       occupied_until, status, screening_decision_id, screening_outcome, screening_categories,
                       decision_intake_version, decision_policy_version, decision_freed_version, screened_start, review_verdict,
                       hold_reason, cancel_reason, checked_in_at, completed_at, event_sequence, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.id, a.patientId, name(a.procedureCode), a.practitionerId, a.roomId, a.startAt, a.endAt,
                a.occupiedUntil, name(a.status), a.screeningDecisionId, a.screeningOutcome, a.screeningCategories,
                a.decisionIntakeVersion, a.decisionPolicyVersion, a.decisionFreedVersion, a.screenedStart, name(a.reviewVerdict), a.holdReason,
                a.cancelReason, a.checkedInAt, a.completedAt, a.eventSequence, a.createdAt, a.updatedAt, a.version);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Reads the appointment again as committed now and locks its row until the transaction ends. */
    public void refreshLocked(Appointment appointment) {
        em.refresh(appointment, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Appointment> list(Filter filter, int limit) {
        StringBuilder query = new StringBuilder("from Appointment a where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        add(query, params, "a.startAt >=", "from", filter.from());
        add(query, params, "a.startAt <", "to", filter.to());
        add(query, params, "a.practitionerId =", "practitionerId", filter.practitionerId());
        add(query, params, "a.roomId =", "roomId", filter.roomId());
        add(query, params, "a.patientId =", "patientId", filter.patientId());
        add(query, params, "a.status =", "status", filter.status());
        var typed = em.createQuery(query.append(" order by a.startAt, a.id").toString(), Appointment.class).setMaxResults(limit);
        params.forEach(typed::setParameter);
        return typed.getResultList();
    }

    /**
     * The appointments (of one practitioner, or all) that overlap the period and are not done yet
     * (pending, confirmed, held or checked in): what a closure or time off leaves the front desk to
     * move or cancel.
     */
    public List<Appointment> stillToHappen(Instant from, Instant to, UUID practitionerId) {
        var query = em.createQuery("from Appointment a where a.startAt < :to and a.occupiedUntil > :from and a.status in :statuses"
                + (practitionerId == null ? "" : " and a.practitionerId = :practitioner") + " order by a.startAt", Appointment.class)
                .setParameter("to", to).setParameter("from", from).setParameter("statuses", AppointmentStatus.SCREENED);
        return (practitionerId == null ? query : query.setParameter("practitioner", practitionerId)).getResultList();
    }

    /**
     * The practitioner's appointments not done yet that end after the instant and lie outside their
     * working hours as this transaction sees them (V11's rule, the slot finder's written in SQL).
     */
    @SuppressWarnings("unchecked")
    public List<Appointment> outsideWorkingHours(UUID practitionerId, Instant endingAfter, ZoneId zone) {
        return em.createNativeQuery("""
                SELECT a.* FROM appointment a
                 WHERE a.practitioner_id = ?1 AND a.status IN (?2) AND a.end_at > ?3
                   AND NOT within_working_hours(a.practitioner_id, a.start_at, a.occupied_until, ?4)
                 ORDER BY a.start_at""", Appointment.class)
                .setParameter(1, practitionerId)
                .setParameter(2, AppointmentStatus.SCREENED.stream().map(Enum::name).toList())
                .setParameter(3, endingAfter)
                .setParameter(4, zone.getId())
                .getResultList();
    }

    public List<Appointment> ofPatient(UUID patientId) {
        return em.createQuery("from Appointment a where a.patientId = ?1 order by a.startAt", Appointment.class)
                .setParameter(1, patientId).getResultList();
    }

    /**
     * A patient's schedule as screening needs to see it, in one plain query (the hot path of every
     * booking): the schedule version and every other appointment. Empty when there is no such patient (or it was erased).
     */
    public Optional<PatientSchedule.Snapshot> scheduleOf(UUID patientId, UUID excluding, ZoneId zone) {
        List<ScheduleRow> rows = PlainSql.list(dataSource, """
                SELECT p.schedule_version, a.id, a.procedure_code, a.start_at, a.status, a.end_at, p.freed_version
                  FROM patient p LEFT JOIN appointment a ON a.patient_id = p.id
                 WHERE p.id = ? AND p.erased_at IS NULL ORDER BY a.start_at""", row -> {
                    UUID id = row.getObject(2, UUID.class);
                    if (id == null || id.equals(excluding)) {
                        return new ScheduleRow(row.getLong(1), row.getLong(7), null, null);
                    }
                    AppointmentStatus status = AppointmentStatus.valueOf(row.getString(5));
                    Instant start = row.getTimestamp(4).toInstant();
                    return new ScheduleRow(row.getLong(1), row.getLong(7),
                            new OtherAppointment(id, ProcedureCode.valueOf(row.getString(3)), start.atZone(zone).toOffsetDateTime(), status),
                            status.holdsTime() ? new TimeRange(start, row.getTimestamp(6).toInstant()) : null);
                }, patientId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PatientSchedule.Snapshot(patientId, rows.get(0).version(), rows.get(0).freedVersion(),
                rows.stream().map(ScheduleRow::other).filter(Objects::nonNull).toList(),
                rows.stream().map(ScheduleRow::heldTime).filter(Objects::nonNull).toList()));
    }

    /**
     * One row of {@link #scheduleOf}: the patient's schedule and freed versions and one other
     * appointment (or none), with the time it holds when its status holds time.
     */
    private record ScheduleRow(long version, long freedVersion, OtherAppointment other, TimeRange heldTime) {
    }

    /** Which of these appointments are owed a re-screen (see {@link RescreenWorker}). */
    public Set<UUID> rescreenDue(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(UuidColumn.list(em, """
                SELECT a.id FROM appointment a JOIN patient p ON p.id = a.patient_id CROSS JOIN screening_policy s
                 WHERE a.id = ANY (?1)
                   AND appointment_rescreen_due(a.status, a.decision_intake_version, a.decision_policy_version,
                                                a.decision_freed_version, p.intake_version, s.version, p.freed_version)""",
                (Object) ids.toArray(UUID[]::new)));
    }

    public boolean rescreenDue(UUID id) {
        return rescreenDue(List.of(id)).contains(id);
    }

    private static void add(StringBuilder query, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(condition).append(" :").append(name);
            params.put(name, value);
        }
    }
}
