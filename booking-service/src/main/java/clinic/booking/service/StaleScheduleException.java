package clinic.booking.service;

/**
 * The write lost a race it may win on a second try: the patient's schedule changed while a booking
 * was being screened (screen again), or the database aborted it to break a deadlock.
 */
class StaleScheduleException extends RuntimeException {

    StaleScheduleException() {
        super("patient schedule changed during screening", null, false, false);
    }
}
