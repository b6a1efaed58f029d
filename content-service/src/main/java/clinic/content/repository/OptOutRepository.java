package clinic.content.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.domain.OptOut;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Patients who opted out of non-essential messages. */
@ApplicationScoped
public class OptOutRepository implements PanacheRepositoryBase<OptOut, UUID> {

    public boolean hasOptedOut(UUID patientId) {
        return count("patientId", patientId) > 0;
    }

    /** Idempotent: answers false when the patient had already opted out. */
    public boolean record(UUID patientId, Instant at) {
        return getEntityManager().createNativeQuery(
                "INSERT INTO opt_out (patient_id, opted_out_at) VALUES (?1, ?2) ON CONFLICT (patient_id) DO NOTHING")
                .setParameter(1, patientId)
                .setParameter(2, at)
                .executeUpdate() > 0;
    }

    /** Answers false when the patient had not opted out. */
    public boolean remove(UUID patientId) {
        return delete("patientId", patientId) > 0;
    }

    /** Keeps who changed a patient's choice, and when. */
    public void history(UUID patientId, String change, String by, Instant at) {
        getEntityManager().createNativeQuery(
                "INSERT INTO opt_out_change (patient_id, change, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, patientId)
                .setParameter(2, change)
                .setParameter(3, by)
                .setParameter(4, at)
                .executeUpdate();
    }

    /** The most recent opt-outs first. */
    public List<OptOut> latest(int limit) {
        return find("order by optedOutAt desc").page(0, limit).list();
    }

    /** A merged duplicate's choice follows the survivor: an opt-out of either record holds for the person. */
    public void moveToPatient(UUID duplicateId, UUID survivorId) {
        var em = getEntityManager();
        em.createNativeQuery("""
                INSERT INTO opt_out (patient_id, opted_out_at) SELECT ?1, opted_out_at FROM opt_out WHERE patient_id = ?2
                ON CONFLICT (patient_id) DO NOTHING""").setParameter(1, survivorId).setParameter(2, duplicateId).executeUpdate();
        em.createNativeQuery("DELETE FROM opt_out WHERE patient_id = ?1").setParameter(1, duplicateId).executeUpdate();
        em.createNativeQuery("UPDATE opt_out_change SET patient_id = ?1 WHERE patient_id = ?2")
                .setParameter(1, survivorId).setParameter(2, duplicateId).executeUpdate();
    }

    /** An erased patient's choices and their history go: nothing is sent to them any more. */
    public void erase(Collection<UUID> patientIds) {
        var em = getEntityManager();
        em.createNativeQuery("DELETE FROM opt_out WHERE patient_id IN (?1)").setParameter(1, patientIds).executeUpdate();
        em.createNativeQuery("DELETE FROM opt_out_change WHERE patient_id IN (?1)").setParameter(1, patientIds).executeUpdate();
    }
}
