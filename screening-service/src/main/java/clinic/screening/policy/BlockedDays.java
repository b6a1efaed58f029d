package clinic.screening.policy;

import java.time.LocalDate;

/**
 * Clinic-zone calendar days [first, untilExclusive) on which a new appointment would break one
 * interval rule because of one other appointment.
 */
public record BlockedDays(LocalDate first, LocalDate untilExclusive, String ruleId, ScheduledProcedure cause) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && day.isBefore(untilExclusive);
    }
}
