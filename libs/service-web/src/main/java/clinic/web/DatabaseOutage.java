package clinic.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises a failure that means "the database cannot be reached right now", as opposed to a
 * bug: no connection could be made or kept (SQLSTATE class 08), the server is shutting down or
 * not yet accepting connections (57P01-57P03), or no pooled connection became free in time.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (t instanceof SQLException sql && poolTimedOut(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Agroal, the connection pool, says that no connection became free within its acquisition
     * timeout with a plain SQLException that has no SQLState ("Sorry, acquisition timeout!",
     * "Acquisition timeout while waiting for new connection"), so its message is the only mark.
     */
    private static boolean poolTimedOut(SQLException failure) {
        return failure.getSQLState() == null && failure.getMessage() != null
                && failure.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** The innermost cause's message: for a connection failure, where and why, never any data. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
