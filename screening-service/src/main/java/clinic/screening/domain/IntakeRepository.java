package clinic.screening.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Intake versions per patient; the latest version is the one screening reads. */
@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, Long> {

    public Optional<Intake> latest(UUID patientId) {
        return find("patientId = ?1 order by version desc", patientId).firstResultOptional();
    }

    /** Serializes intake writes per patient so two concurrent PUTs get consecutive versions instead of a clash. */
    public void lockPatient(UUID patientId) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 1))")
                .setParameter(1, patientId.toString())
                .getSingleResult();
    }
}
