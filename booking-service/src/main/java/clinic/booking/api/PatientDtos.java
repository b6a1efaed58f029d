package clinic.booking.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import clinic.booking.domain.Patient;
import clinic.booking.service.PatientEraser;
import clinic.booking.service.PatientMerger;
import clinic.booking.service.PatientService;

/** Request and response bodies of the patients API. */
public final class PatientDtos {

    private PatientDtos() {
    }

    /** A patient's identity and contact details, as registered or corrected. */
    public record PatientDetails(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Past LocalDate dateOfBirth,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may contain only digits, spaces, + ( ) -") String phone) {

        PatientService.Details details() {
            return new PatientService.Details(firstName, lastName, email, dateOfBirth, phone);
        }
    }

    /** Which record is the duplicate of the one merged into. */
    public record MergeRequest(@NotNull UUID duplicateId) {
    }

    /** What a merge did: the duplicate's appointments now belong to the survivor; the duplicate's id is gone. */
    public record MergeReceipt(UUID survivorId, UUID duplicateId, int appointmentsMoved, OffsetDateTime mergedAt) {

        static MergeReceipt of(PatientMerger.Merged m, ZoneId zone) {
            return new MergeReceipt(m.survivorId(), m.duplicateId(), m.appointmentsMoved(), AppointmentDtos.local(m.mergedAt(), zone));
        }
    }

    /** What an erasure did: when, and which records merged into this one earlier were erased with it. */
    public record ErasureReceipt(UUID patientId, OffsetDateTime erasedAt, List<UUID> mergedPatientIds) {

        static ErasureReceipt of(PatientEraser.Erased e, ZoneId zone) {
            return new ErasureReceipt(e.patientId(), AppointmentDtos.local(e.erasedAt(), zone), e.mergedPatientIds());
        }
    }

    /** A patient as the front desk sees them. */
    public record PatientView(UUID id, String firstName, String lastName, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone, LocalDate dateOfBirth) {

        static PatientView of(Patient p) {
            return new PatientView(p.id, p.firstName, p.lastName, p.email, p.phone, p.dateOfBirth);
        }
    }

    /**
     * A patient as registered or corrected, with the other live records that have the same e-mail: the
     * messages to each of them reach one inbox, which the desk confirms or corrects at once.
     */
    public record SavedPatientView(@JsonUnwrapped PatientView patient,
            @Schema(description = "Other live records with this e-mail address (any case); empty when none")
            List<OtherPatient> sharesEmailWith) {

        static SavedPatientView of(Patient p, List<Patient> sharingEmail) {
            return new SavedPatientView(PatientView.of(p), sharingEmail.stream().map(OtherPatient::of).toList());
        }
    }

    /** Another patient's record, by name only. */
    public record OtherPatient(UUID id, String firstName, String lastName) {

        static OtherPatient of(Patient p) {
            return new OtherPatient(p.id, p.firstName, p.lastName);
        }
    }
}
