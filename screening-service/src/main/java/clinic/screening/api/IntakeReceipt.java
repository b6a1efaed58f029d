package clinic.screening.api;

import java.time.LocalDate;
import java.util.UUID;

/** What a caller learns after recording an intake: nothing medical. */
public record IntakeReceipt(UUID patientId, int intakeVersion, LocalDate completedOn) {
}
