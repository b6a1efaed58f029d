package clinic.booking.screening;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** screening's receipt for a recorded intake: the new version, nothing medical. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntakeReceipt(UUID patientId, int intakeVersion, LocalDate completedOn) {
}
