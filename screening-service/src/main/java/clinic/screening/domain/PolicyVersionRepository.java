package clinic.screening.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Policy versions, newest first. */
@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, Integer> {

    /** The active version's number only: one index lookup, no document. */
    public Optional<Integer> activeVersion() {
        return Optional.ofNullable(getEntityManager().createQuery("select max(v.version) from PolicyVersion v", Integer.class)
                .getSingleResult());
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
