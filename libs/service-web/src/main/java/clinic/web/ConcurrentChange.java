package clinic.web;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;

/**
 * Recognises a failure that means "someone else changed the same data at the same moment", as
 * opposed to a bug: a row updated since it was read (an optimistic-lock failure), or a transaction
 * PostgreSQL aborted to break a deadlock (40P01) or a serialization conflict (40001). The
 * transaction was rolled back, so nothing was changed and the caller may try again.
 */
public final class ConcurrentChange {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private ConcurrentChange() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
