package clinic.booking.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.booking.domain.ProcedureCode;
import clinic.booking.screening.ScreeningRequest;

/** Asks screening how each clinic day from..to would go for this patient and procedure (appointmentId: the one being moved). */
public record OutlookRequest(UUID patientId, UUID appointmentId, ProcedureCode procedure, LocalDate from, LocalDate to,
        List<ScreeningRequest.OtherAppointment> otherAppointments) {
}
