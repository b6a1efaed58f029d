package clinic.screening.policy;

import java.time.LocalDate;
import java.util.UUID;

/** Another appointment of the patient that counts for intervals, reduced to its clinic-zone calendar day. */
public record ScheduledProcedure(UUID appointmentId, Procedure procedure, LocalDate day) {
}
