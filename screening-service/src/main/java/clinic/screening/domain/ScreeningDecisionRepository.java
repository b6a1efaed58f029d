package clinic.screening.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.screening.policy.ClinicianConfirmation;
import clinic.screening.policy.Outcome;

/** Screening decisions: the audit trail per patient and the clinicians' review queue. */
@ApplicationScoped
public class ScreeningDecisionRepository implements PanacheRepositoryBase<ScreeningDecision, UUID> {

    /** The decisions about these patient records (a patient and the duplicates merged into it), newest first. */
    public List<ScreeningDecision> forPatientsNewestFirst(List<UUID> patientIds) {
        return list("patientId in ?1 order by decidedAt desc, id", patientIds);
    }

    /** The earlier decisions about one appointment, newest first, each with whether a clinician approved it. */
    public List<ClinicianConfirmation.Earlier> earlierForAppointment(UUID appointmentId) {
        return getEntityManager().createQuery("""
                select d.id, d.outcome, d.intakeVersion, r.decision
                from ScreeningDecision d left join ScreeningReview r on r.decisionId = d.id
                where d.appointmentId = ?1
                order by d.decidedAt desc, d.id""", Object[].class)
                .setParameter(1, appointmentId)
                .getResultStream()
                .map(row -> new ClinicianConfirmation.Earlier((UUID) row[0], (Outcome) row[1], (Integer) row[2],
                        row[3] == ScreeningReview.Verdict.APPROVE))
                .toList();
    }

    /** Locks the decision row so two clinicians reviewing at once get one 200 and one 409, never a 500. */
    public Optional<ScreeningDecision> findForReview(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * NEEDS_REVIEW decisions nobody has reviewed, oldest first (a work queue). A decision that a later
     * screening of the same appointment superseded is no longer waiting for anyone.
     */
    public List<ScreeningDecision> pendingReview() {
        return list("""
                from ScreeningDecision d
                where d.outcome = ?1
                  and not exists (from ScreeningReview r where r.decisionId = d.id)
                  and not exists (from ScreeningDecision later
                                  where d.appointmentId is not null and later.appointmentId = d.appointmentId
                                    and later.decidedAt > d.decidedAt)
                order by d.decidedAt, d.id""", Outcome.NEEDS_REVIEW);
    }
}
