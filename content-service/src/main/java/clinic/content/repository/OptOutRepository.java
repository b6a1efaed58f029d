package clinic.content.repository;

import java.time.Instant;
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

    /** Idempotent: a second click on the link changes nothing. */
    public void record(UUID patientId, Instant at) {
        getEntityManager().createNativeQuery(
                "INSERT INTO opt_out (patient_id, opted_out_at) VALUES (?1, ?2) ON CONFLICT (patient_id) DO NOTHING")
                .setParameter(1, patientId)
                .setParameter(2, at)
                .executeUpdate();
    }
}
