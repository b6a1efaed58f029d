package clinic.content.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import clinic.content.domain.PatientRecord;
import clinic.web.sql.PlainSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Patient records as booking's events describe them. */
@ApplicationScoped
public class PatientRecordRepository implements PanacheRepositoryBase<PatientRecord, UUID> {

    @Inject
    DataSource dataSource;

    /**
     * The record, locked, created empty (contact version 0) when unknown: the patient's events from
     * both topics are applied one after the other, never side by side.
     */
    public PatientRecord lock(UUID patientId, Instant now) {
        // plain SQL: every appointment event runs it, and Hibernate parses a native statement anew each time (JFR)
        PlainSql.update(dataSource, """
                INSERT INTO patient_record (patient_id, contact_version, updated_at) VALUES (?, 0, ?)
                ON CONFLICT (patient_id) DO NOTHING""", patientId, now);
        return findById(patientId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<PatientRecord> find(UUID patientId) {
        return findByIdOptional(patientId);
    }

    /** The records merged into this one earlier. */
    public List<UUID> mergedInto(UUID survivorId) {
        return getEntityManager().createQuery("select r.patientId from PatientRecord r where r.mergedInto = :id", UUID.class)
                .setParameter("id", survivorId).getResultList();
    }

    /** Records once merged into a duplicate now follow the duplicate's survivor. */
    public int redirectMerged(UUID duplicateId, UUID survivorId) {
        return update("mergedInto = ?1 where mergedInto = ?2", survivorId, duplicateId);
    }
}
