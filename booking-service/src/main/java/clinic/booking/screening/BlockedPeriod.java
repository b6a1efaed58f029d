package clinic.booking.screening;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A half-open range in which screening would block a new appointment by an interval rule, with its category. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockedPeriod(OffsetDateTime start, OffsetDateTime end, String category) {
}
