package clinic.screening.api;

import java.time.OffsetDateTime;

import clinic.screening.policy.ReasonCategory;

/** A half-open range [start, end) of whole clinic-zone days that an interval rule blocks; always PROCEDURE_INTERVAL. */
public record BlockedPeriod(OffsetDateTime start, OffsetDateTime end, ReasonCategory category) {
}
