package clinic.booking.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.Patient;
import clinic.web.sql.UuidColumn;

/**
 * Patient records and their merges: every query of the patient and patient_merge tables that a
 * correction, merge or erasure needs, in one place.
 */
@ApplicationScoped
public class PatientRepository {

    /** Statuses of an appointment still to happen: it rests on a screening decision. */
    static final List<String> ACTIVE = AppointmentStatus.SCREENED.stream().map(Enum::name).toList();

    /** The first key of the advisory locks {@link #holdIdentitiesBornOn} takes (the second is the day). */
    private static final int IDENTITY_LOCKS = 1;

    private final EntityManager em;

    public PatientRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Patient> find(UUID id) {
        return Optional.ofNullable(em.find(Patient.class, id));
    }

    /** Locks the patients' rows in id order (so two merges of the same pair cannot deadlock); absent ids are skipped. */
    public List<Patient> lock(UUID... ids) {
        return java.util.Arrays.stream(ids).distinct().sorted(Comparator.naturalOrder())
                .map(id -> em.find(Patient.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Holds, until the transaction ends, the sole right to give a record this date of birth. Every
     * record that could be the same person shares it ({@link PatientSearch#sameIdentity}), so two
     * registrations or corrections of one person at the same moment take turns: the second one's
     * duplicate check sees the first one's committed record instead of both passing.
     */
    public void holdIdentitiesBornOn(LocalDate dateOfBirth) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, IDENTITY_LOCKS).setParameter(2, Math.toIntExact(dateOfBirth.toEpochDay()))
                .getSingleResult();
    }

    /** The record a merged duplicate now lives in, if this id was merged away. */
    public Optional<UUID> survivorOf(UUID duplicateId) {
        return UuidColumn.first(em, "SELECT survivor_id FROM patient_merge WHERE duplicate_id = ?1", duplicateId);
    }

    /** Every record ever merged into this one (directly or through an earlier survivor). */
    public List<UUID> mergedInto(UUID survivorId) {
        return UuidColumn.list(em, "SELECT duplicate_id FROM patient_merge WHERE survivor_id = ?1 ORDER BY merged_at, duplicate_id",
                survivorId);
    }

    /** The patient's appointments that are still to happen. */
    public List<UUID> activeAppointments(UUID patientId) {
        return UuidColumn.list(em, "SELECT id FROM appointment WHERE patient_id = ?1 AND status = ANY (?2) ORDER BY start_at",
                patientId, ACTIVE.toArray(String[]::new));
    }

    /**
     * Moves the duplicate's appointments to the survivor and marks every appointment of the survivor
     * still to happen owed a re-screen (its decision was made for one record only); answers how many
     * moved. Each row's version is raised, so a re-screen or change in flight on the old view fails.
     */
    public int moveAppointments(UUID duplicateId, UUID survivorId) {
        int moved = em.createNativeQuery("UPDATE appointment SET patient_id = ?2, version = version + 1 WHERE patient_id = ?1")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate();
        em.createNativeQuery("""
                UPDATE appointment SET decision_intake_version = -1, version = version + 1
                 WHERE patient_id = ?1 AND status = ANY (?2)""")
                .setParameter(1, survivorId).setParameter(2, ACTIVE.toArray(String[]::new)).executeUpdate();
        return moved;
    }

    /** An upcoming appointment of each of two records at overlapping times. */
    public record Clash(UUID keptAppointmentId, UUID duplicateAppointmentId, Instant start) {
    }

    /**
     * The two records' appointments still to come that overlap, soonest first: merged, they would put
     * one patient in two places at once. The statuses are those a booking's own check counts (the
     * ones that hold time), so a merge is refused exactly where a booking would be.
     */
    public List<Clash> clashesBetween(UUID survivorId, UUID duplicateId, Instant now) {
        List<?> rows = em.createNativeQuery("""
                SELECT k.id, d.id, least(k.start_at, d.start_at) FROM appointment k JOIN appointment d
                    ON k.start_at < d.end_at AND d.start_at < k.end_at
                 WHERE k.patient_id = ?1 AND d.patient_id = ?2 AND k.status = ANY (?3) AND d.status = ANY (?3)
                   AND k.end_at > ?4 AND d.end_at > ?4
                 ORDER BY 3""")
                .setParameter(1, survivorId).setParameter(2, duplicateId)
                .setParameter(3, AppointmentStatus.HOLDING_TIME.stream().map(Enum::name).toArray(String[]::new))
                .setParameter(4, now).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Clash((UUID) row[0], (UUID) row[1], toInstant(row[2]))).toList();
    }

    /** A native query's timestamptz, as whichever type Hibernate chose to hand it over. */
    private static Instant toInstant(Object timestamp) {
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return timestamp instanceof java.sql.Timestamp sql ? sql.toInstant() : (Instant) timestamp;
    }

    /** Records the merge and repoints earlier merges into the duplicate; the duplicate's row goes (see {@link #delete}). */
    public void recordMerge(UUID duplicateId, UUID survivorId, String mergedBy, Instant at) {
        em.createNativeQuery("UPDATE patient_merge SET survivor_id = ?2 WHERE survivor_id = ?1")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO patient_merge (duplicate_id, survivor_id, merged_by, merged_at) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, duplicateId).setParameter(2, survivorId).setParameter(3, mergedBy).setParameter(4, at)
                .executeUpdate();
    }

    public void delete(Patient patient) {
        em.remove(patient);
        em.flush();
    }

    /**
     * Removes what booking keeps about the patients beyond their ids: stored answers to their
     * requests (idempotency records mention the id in the answer) and the events about them in the
     * outbox that have been published. One not yet published (a cancellation made just before the
     * erasure) still goes out, ahead of the erasure's own event, so the patient is told; retention
     * purges it once published.
     */
    public void forgetRecordsOf(List<UUID> patientIds) {
        String[] ids = patientIds.stream().map(UUID::toString).toArray(String[]::new);
        em.createNativeQuery("DELETE FROM idempotent_request WHERE response_body LIKE ANY (?1)")
                .setParameter(1, java.util.Arrays.stream(ids).map(id -> "%" + id + "%").toArray(String[]::new)).executeUpdate();
        em.createNativeQuery("DELETE FROM outbox_event WHERE payload ->> 'patientId' = ANY (?1) AND published_at IS NOT NULL")
                .setParameter(1, ids).executeUpdate();
    }
}
