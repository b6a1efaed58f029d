package clinic.screening.api;

import java.time.OffsetDateTime;

/** A half-open range [start, end) of whole clinic-zone days that one interval rule blocks. */
public record BlockedPeriod(OffsetDateTime start, OffsetDateTime end, String ruleId) {
}
