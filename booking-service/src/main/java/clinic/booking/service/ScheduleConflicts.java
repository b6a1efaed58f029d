package clinic.booking.service;

import java.sql.SQLException;

import clinic.web.ProblemException;

/**
 * Translates the database's own refusals into answers: the exclusion constraints (SQLSTATE 23P01)
 * are what really prevent double booking, so losing that race is a 409, not a 500. Two inserts
 * racing for the same time can also each wait for the other's exclusion check: PostgreSQL breaks
 * that deadlock (40P01) by aborting one of them, which is worth one more try, not an error.
 */
final class ScheduleConflicts {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String DEADLOCK = "40P01";

    private ScheduleConflicts() {
    }

    /** The 409 to answer if the failure is an overlap, otherwise the failure itself. */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                String what = String.valueOf(sql.getMessage()).contains("room") ? "room" : "practitioner";
                return slotTaken("The " + what + " is already booked at that time.");
            }
            if (cause instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
                return new StaleScheduleException();
            }
        }
        return failure;
    }

    static ProblemException slotTaken(String detail) {
        return ProblemException.conflict("slot-taken", "Slot no longer free", detail);
    }
}
