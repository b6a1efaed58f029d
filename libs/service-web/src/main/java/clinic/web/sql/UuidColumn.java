package clinic.web.sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Native queries that select one {@code uuid} column, for every service.
 *
 * <p>Why not {@code createNativeQuery(sql, UUID.class)}: Hibernate ORM 7.2 keys its query
 * interpretation cache on the result mapping, and the builder it makes for a basic result class has
 * no {@code equals}. Every execution then adds another entry under the same hash, the cache fills up
 * with them, and each lookup compares against all of them: a fifth of screening's CPU under load.
 * Without a result class the mapping compares equal, the cache hits, and PostgreSQL's {@code uuid}
 * arrives as {@link UUID} all the same.
 */
public final class UuidColumn {

    private UuidColumn() {
    }

    /** The query, with its parameters in order ({@code ?1}, {@code ?2}, ...). */
    private static Query query(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    public static List<UUID> list(EntityManager em, String sql, Object... parameters) {
        return ((List<?>) query(em, sql, parameters).getResultList()).stream().map(UUID.class::cast).toList();
    }

    public static Optional<UUID> first(EntityManager em, String sql, Object... parameters) {
        return list(em, sql, parameters).stream().findFirst();
    }
}
