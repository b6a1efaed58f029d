package clinic.booking.screening;

import java.util.List;
import java.util.UUID;

import clinic.booking.domain.ProcedureCode;

/**
 * Asks screening when a new appointment of a procedure would be blocked for a patient; an
 * appointment being moved is named so that it does not count against itself.
 */
public record BlockedPeriodsRequest(UUID patientId, UUID appointmentId, ProcedureCode procedure,
        List<ScreeningRequest.OtherAppointment> otherAppointments) {
}
