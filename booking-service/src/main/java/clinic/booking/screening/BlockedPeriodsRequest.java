package clinic.booking.screening;

import java.util.List;
import java.util.UUID;

import clinic.booking.domain.ProcedureCode;

/** Asks screening when a new appointment of a procedure would be blocked for a patient. */
public record BlockedPeriodsRequest(UUID patientId, ProcedureCode procedure,
        List<ScreeningRequest.OtherAppointment> otherAppointments) {
}
