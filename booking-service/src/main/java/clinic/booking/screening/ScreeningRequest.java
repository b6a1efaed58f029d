package clinic.booking.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;

/** What screening needs to judge a booking: who, what, when, and the patient's other appointments. */
public record ScreeningRequest(UUID patientId, UUID appointmentId, ProcedureCode procedure, OffsetDateTime start,
        List<OtherAppointment> otherAppointments) {

    /** Another appointment of the same patient; screening decides which statuses count. */
    public record OtherAppointment(UUID appointmentId, ProcedureCode procedure, OffsetDateTime start,
            AppointmentStatus status) {
    }
}
