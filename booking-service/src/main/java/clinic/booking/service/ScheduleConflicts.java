package clinic.booking.service;

import java.sql.SQLException;

import clinic.web.ProblemException;

/**
 * Translates the database's own refusals into answers: the exclusion constraints (SQLSTATE 23P01)
 * are what really prevent double booking, so losing that race is a 409, not a 500.
 */
final class ScheduleConflicts {

    private static final String EXCLUSION_VIOLATION = "23P01";

    private ScheduleConflicts() {
    }

    /** The 409 to answer if the failure is an overlap, otherwise the failure itself. */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                String what = String.valueOf(sql.getMessage()).contains("room") ? "room" : "practitioner";
                return slotTaken("The " + what + " is already booked at that time.");
            }
        }
        return failure;
    }

    static ProblemException slotTaken(String detail) {
        return ProblemException.conflict("slot-taken", "Slot no longer free", detail);
    }
}
