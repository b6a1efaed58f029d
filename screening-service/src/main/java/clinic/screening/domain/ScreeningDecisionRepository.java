package clinic.screening.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.screening.policy.ClinicianConfirmation;
import clinic.screening.policy.Outcome;
import clinic.web.sql.PlainSql;

/** Screening decisions: the audit trail per patient and the clinicians' review queue. */
@ApplicationScoped
public class ScreeningDecisionRepository implements PanacheRepositoryBase<ScreeningDecision, UUID> {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Stores a new decision, one for every screening: plain SQL, as persisting it through Hibernate
     * (the insert and the flush before the commit) was a fifth of screening's CPU (JFR). The decision
     * stays unmanaged, and is never changed (the table refuses updates).
     */
    public void record(ScreeningDecision d) {
        PlainSql.update(dataSource, """
                INSERT INTO screening_decision (id, patient_id, appointment_id, procedure, requested_start, outcome, reasons,
                                                earliest_eligible_start, policy_version, intake_version, inputs, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)""",
                d.id, d.patientId, d.appointmentId, d.procedure.name(), d.requestedStart, d.outcome.name(), toJson(d.reasons),
                d.earliestEligibleStart, d.policyVersion, d.intakeVersion, toJson(d.inputs), d.decidedBy, d.decidedAt);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a screening decision could not be written as JSON", e);
        }
    }

    /** The decisions about these patient records (a patient and the duplicates merged into it), newest first. */
    public List<ScreeningDecision> forPatientsNewestFirst(List<UUID> patientIds) {
        return list("patientId in ?1 order by decidedAt desc, id", patientIds);
    }

    /**
     * The earlier decisions about one appointment, newest first, each with whether a clinician
     * approved it. Asked before every decision about a booked appointment: plain SQL, as the query
     * through Hibernate was a fifteenth of a screening's CPU (JFR). Decisions and reviews are written
     * in transactions of their own, so there is nothing unflushed to miss.
     */
    public List<ClinicianConfirmation.Earlier> earlierForAppointment(UUID appointmentId) {
        return PlainSql.list(dataSource, """
                SELECT d.id, d.outcome, d.intake_version, r.decision = 'APPROVE'
                  FROM screening_decision d LEFT JOIN screening_review r ON r.decision_id = d.id
                 WHERE d.appointment_id = ?
                 ORDER BY d.decided_at DESC, d.id""",
                row -> new ClinicianConfirmation.Earlier(row.getObject(1, UUID.class), Outcome.valueOf(row.getString(2)),
                        row.getObject(3, Integer.class), row.getBoolean(4)),
                appointmentId);
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
