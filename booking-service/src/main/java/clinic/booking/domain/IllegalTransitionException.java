package clinic.booking.domain;

import java.util.UUID;

/** An attempt to move an appointment to a status its current one cannot lead to. */
public class IllegalTransitionException extends RuntimeException {

    private final AppointmentStatus from;
    private final AppointmentStatus to;

    public IllegalTransitionException(UUID appointmentId, AppointmentStatus from, AppointmentStatus to) {
        super("Appointment " + appointmentId + " is " + from + " and cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public AppointmentStatus from() {
        return from;
    }

    public AppointmentStatus to() {
        return to;
    }
}
