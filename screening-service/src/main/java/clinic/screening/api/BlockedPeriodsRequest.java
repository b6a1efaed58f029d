package clinic.screening.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.screening.policy.Procedure;

/** Which days would an interval rule block for a new appointment of this procedure? appointmentId (optional) is excluded. */
public record BlockedPeriodsRequest(
        @NotNull UUID patientId,
        UUID appointmentId,
        @NotNull Procedure procedure,
        @Size(max = 1000) List<@NotNull @Valid OtherAppointment> otherAppointments) {
}
