package clinic.booking.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.booking.domain.Patient;

/** Request and response bodies of the patients API. */
public final class PatientDtos {

    private PatientDtos() {
    }

    /** A new patient's identity and contact details. */
    public record NewPatient(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Past LocalDate dateOfBirth,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may contain only digits, spaces, + ( ) -") String phone) {
    }

    /** A patient as the front desk sees them. */
    public record PatientView(UUID id, String firstName, String lastName, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone, LocalDate dateOfBirth) {

        static PatientView of(Patient p) {
            return new PatientView(p.id, p.firstName, p.lastName, p.email, p.phone, p.dateOfBirth);
        }
    }
}
