package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.screening.policy.Procedure;

/** Booking asks whether one procedure may happen at one start; appointmentId is set when re-screening. */
public record ScreeningRequest(
        @NotNull UUID patientId,
        UUID appointmentId,
        @NotNull Procedure procedure,
        @NotNull OffsetDateTime start,
        @Size(max = 1000) List<@NotNull @Valid OtherAppointment> otherAppointments) {
}
