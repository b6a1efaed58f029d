package clinic.screening.domain;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.web.sql.PlainSql;

/** Policy versions, newest first. */
@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, Integer> {

    @Inject
    DataSource dataSource;

    /** The active version's number only: one index lookup, no document. */
    public Optional<Integer> activeVersion() {
        // read for every screening decision: plain SQL, as the query through Hibernate was a twentieth of its CPU (JFR)
        return PlainSql.one(dataSource, "SELECT max(version) FROM policy_version", row -> Optional.ofNullable(row.getObject(1, Integer.class)));
    }

    public List<PolicyVersion> newestFirst() {
        return list("order by version desc");
    }

    /** One policy change at a time, so version numbers are consecutive and never clash. */
    public void lockForChange() {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended('policy_version', 1))")
                .getSingleResult();
    }
}
