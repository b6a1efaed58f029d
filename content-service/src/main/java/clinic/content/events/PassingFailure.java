package clinic.content.events;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Whether applying an event failed for a reason that may pass, so retrying is right. Everything
 * may pass except an event that can never be applied: one that is not an event
 * ({@link InvalidEventException}), or one the database refuses by its own rules (SQLSTATE class 22,
 * data exception, or 23, integrity violation, except a unique violation, which is two replicas
 * racing on the same event and resolves on the next try). A bug is retried too, with the partition
 * held: its lag shows on clinic_consumer_lag and no event is lost or reordered.
 */
public class PassingFailure implements Predicate<Throwable> {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || (state.startsWith("23") && !UNIQUE_VIOLATION.equals(state))) {
                    return false;
                }
            }
        }
        return true;
    }
}
