package clinic.screening.api;

import java.time.OffsetDateTime;

/** One entry in the list of policy versions. */
public record PolicyVersionSummary(int version, String changeNote, String createdBy, OffsetDateTime createdAt, boolean active) {
}
