package clinic.screening.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import clinic.web.sql.PlainSql;
import clinic.web.sql.UuidColumn;

/**
 * What screening knows of patient records from booking's patient events: which were merged into
 * which, which were erased, and which events were already applied.
 */
@ApplicationScoped
public class PatientRecordRepository {

    private final EntityManager em;
    private final DataSource dataSource;

    public PatientRecordRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Records the event id; answers false, changing nothing, when it was applied before. */
    public boolean firstTime(UUID eventId, String type, Instant at) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, at).executeUpdate() == 1;
    }

    /** What became of a patient record: the record it was merged into (or null), and whether it was erased. */
    public record Standing(UUID mergedInto, boolean erased) {
    }

    /**
     * Both in one statement, read for every screening and intake. Plain SQL on the transaction's
     * connection: Hibernate resolves a native query's result columns from the JDBC metadata on every
     * execution, and the two native queries this replaces took a fifth of a screening's CPU (JFR).
     */
    public Standing standing(UUID patientId) {
        return PlainSql.one(dataSource, """
                SELECT (SELECT survivor_id FROM patient_merge WHERE duplicate_id = ?),
                       EXISTS (SELECT 1 FROM erased_patient WHERE patient_id = ?)""",
                row -> new Standing(row.getObject(1, UUID.class), row.getBoolean(2)), patientId, patientId);
    }

    public boolean erased(UUID patientId) {
        return !em.createNativeQuery("SELECT 1 FROM erased_patient WHERE patient_id = ?1")
                .setParameter(1, patientId).getResultList().isEmpty();
    }

    /** The patient and every record merged into it, the patient first. */
    public List<UUID> withMerged(UUID patientId) {
        List<UUID> merged = UuidColumn.list(em, "SELECT duplicate_id FROM patient_merge WHERE survivor_id = ?1 ORDER BY merged_at",
                patientId);
        List<UUID> all = new java.util.ArrayList<>(merged.size() + 1);
        all.add(patientId);
        all.addAll(merged);
        return all;
    }

    /** Records the merge; records merged into the duplicate earlier now point at the survivor too. */
    public void recordMerge(UUID duplicateId, UUID survivorId, Instant at) {
        em.createNativeQuery("UPDATE patient_merge SET survivor_id = ?2 WHERE survivor_id = ?1")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO patient_merge (duplicate_id, survivor_id, merged_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (duplicate_id) DO NOTHING""")
                .setParameter(1, duplicateId).setParameter(2, survivorId).setParameter(3, at).executeUpdate();
    }

    public void recordErasure(UUID patientId, Instant at) {
        em.createNativeQuery("INSERT INTO erased_patient (patient_id, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, patientId).setParameter(2, at).executeUpdate();
    }

    /**
     * Deletes the erased patients' intake versions that no decision rests on (the database allows
     * nothing else) and the published events about them; answers how many intake versions went.
     */
    public int forgetErased(List<UUID> patientIds) {
        UUID[] ids = patientIds.toArray(UUID[]::new);
        em.flush();
        int intakes = em.createNativeQuery("""
                DELETE FROM intake i WHERE i.patient_id = ANY (?1)
                   AND NOT EXISTS (SELECT 1 FROM screening_decision d
                                    WHERE d.patient_id = i.patient_id AND d.intake_version = i.version)""")
                .setParameter(1, ids).executeUpdate();
        em.createNativeQuery("DELETE FROM outbox_event WHERE aggregate_id = ANY (?1) AND published_at IS NOT NULL")
                .setParameter(1, ids).executeUpdate();
        return intakes;
    }
}
