package clinic.booking.service;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What booking knows of the inputs screening decisions rest on: each patient's newest intake
 * version and the newest policy version. Learnt from screening's events and from its answers; only
 * ever raised, so events that arrive twice or out of order change nothing. An appointment whose
 * decision predates either is owed a re-screen (see {@code appointment_rescreen_due} in the schema).
 */
@ApplicationScoped
public class ScreeningInputs {

    @Inject
    EntityManager em;

    /**
     * The newest policy version this process has seen the database hold. Only a lower bound (another
     * replica may have raised it since), so it is used only to skip an update that could not raise
     * anything: every decision names its policy version, and nearly all name the one already known.
     */
    private final AtomicInteger knownPolicy = new AtomicInteger();

    /** Answers whether this was news (the patient was known and behind). */
    @Transactional
    public boolean intakeRecorded(UUID patientId, int intakeVersion) {
        return em.createNativeQuery("UPDATE patient SET intake_version = ?1 WHERE id = ?2 AND intake_version < ?1")
                .setParameter(1, intakeVersion).setParameter(2, patientId).executeUpdate() > 0;
    }

    /**
     * Screening has merged a duplicate's intakes into the survivor (whose newest intake version is
     * given, if it has one): the survivor's appointments held back by the merge may be re-screened.
     * Answers whether this was news.
     */
    @Transactional
    public boolean mergeApplied(UUID survivorId, UUID duplicateId, Integer intakeVersion, java.time.Instant at) {
        boolean released = em.createNativeQuery("""
                UPDATE patient_merge SET screening_merged_at = ?2 WHERE duplicate_id = ?1 AND screening_merged_at IS NULL""")
                .setParameter(1, duplicateId).setParameter(2, at).executeUpdate() > 0;
        boolean raised = intakeVersion != null && intakeRecorded(survivorId, intakeVersion);
        return released || raised;
    }

    /** Answers whether this was news. */
    @Transactional
    public boolean policyPublished(int policyVersion) {
        if (policyVersion <= knownPolicy.get()) {
            return false;
        }
        boolean raised = em.createNativeQuery("UPDATE screening_policy SET version = ?1 WHERE version < ?1")
                .setParameter(1, policyVersion).executeUpdate() > 0;
        // raised or not, the database now holds at least this version
        knownPolicy.accumulateAndGet(policyVersion, Math::max);
        return raised;
    }
}
