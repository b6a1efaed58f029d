package clinic.screening.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Self-service intake links per patient. */
@ApplicationScoped
public class IntakeInvitationRepository implements PanacheRepositoryBase<IntakeInvitation, UUID> {

    public Optional<IntakeInvitation> latest(UUID patientId) {
        return find("patientId = ?1 order by createdAt desc", patientId).firstResultOptional();
    }

    /** The invitation, locked until the transaction ends, so two submissions of one link cannot both be taken. */
    public Optional<IntakeInvitation> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Older links of the patient that were neither used nor replaced stop working when a new one is made. */
    public int replaceOutstanding(UUID patientId, Instant now) {
        return update("replacedAt = ?1 where patientId = ?2 and usedAt is null and replacedAt is null", now, patientId);
    }
}
