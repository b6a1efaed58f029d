package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import clinic.screening.policy.AppointmentStatus;
import clinic.screening.policy.Procedure;

/** Another appointment of the same patient, as booking reports it. */
public record OtherAppointment(
        @NotNull UUID appointmentId,
        @NotNull Procedure procedure,
        @NotNull OffsetDateTime start,
        @NotNull AppointmentStatus status) {
}
