package clinic.screening.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.screening.policy.Procedure;

/** How would each clinic day from..to (inclusive, at most 62) go for this patient and procedure? appointmentId: the one being moved. */
public record OutlookRequest(
        @NotNull UUID patientId,
        UUID appointmentId,
        @NotNull Procedure procedure,
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @Size(max = 1000) List<@NotNull @Valid OtherAppointment> otherAppointments) {
}
