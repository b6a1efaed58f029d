package clinic.booking.service;

/** The patient's schedule changed while a booking was being screened: screen again. */
class StaleScheduleException extends RuntimeException {

    StaleScheduleException() {
        super("patient schedule changed during screening", null, false, false);
    }
}
