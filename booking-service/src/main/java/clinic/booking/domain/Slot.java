package clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

/** A bookable time for a procedure with the practitioner and room that would take it. */
public record Slot(Instant start, Instant end, UUID practitionerId, UUID roomId) {
}
