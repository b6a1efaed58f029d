package clinic.screening.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.screening.policy.IntakeAnswers;
import clinic.screening.policy.IsotretinoinUse;
import clinic.web.sql.PlainSql;

/** Intake versions per patient; the latest version is the one screening reads. */
@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, Long> {

    @Inject
    DataSource dataSource;

    public Optional<Intake> latest(UUID patientId) {
        return find("patientId = ?1 order by version desc", patientId).firstResultOptional();
    }

    /**
     * The answers of the latest version, with the newest version a clinician recorded beside them when
     * the latest is not a clinician's, read for every screening decision: plain SQL, as the entity
     * through Hibernate was a tenth of a screening's CPU (JFR); intakes are never changed, so there is
     * nothing for a session to manage. Written intakes of the caller's transaction must be flushed first.
     */
    public Optional<IntakeAnswers> latestAnswers(UUID patientId) {
        // the latest version and, in the same statement, the newest one a clinician recorded (the second row
        // when the latest is not a clinician's)
        List<IntakeAnswers> rows = PlainSql.list(dataSource, """
                SELECT version, isotretinoin, isotretinoin_last_dose, blood_thinners, keloid_or_hypertrophic_scarring,
                       active_infection_or_inflammation, active_acne, autoimmune_condition, completed_on, recorded_by_clinician
                  FROM intake
                 WHERE patient_id = ? AND (recorded_by_clinician OR version = (SELECT max(version) FROM intake WHERE patient_id = ?))
                 ORDER BY version DESC LIMIT 2""",
                row -> new IntakeAnswers(row.getInt(1), IsotretinoinUse.valueOf(row.getString(2)),
                        row.getObject(3, LocalDate.class), row.getBoolean(4), row.getBoolean(5), row.getBoolean(6),
                        row.getBoolean(7), row.getBoolean(8), row.getObject(9, LocalDate.class), row.getBoolean(10)),
                patientId, patientId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        IntakeAnswers latest = rows.get(0);
        return Optional.of(latest.recordedByClinician() || rows.size() < 2 ? latest : latest.after(rows.get(1)));
    }

    /** Serializes intake writes per patient so two concurrent PUTs get consecutive versions instead of a clash. */
    public void lockPatient(UUID patientId) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 1))")
                .setParameter(1, patientId.toString())
                .getSingleResult();
    }
}
