package clinic.screening.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry in the list of policy versions. */
public record PolicyVersionSummary(int version, @Schema(nullable = true) String changeNote,
        @Schema(nullable = true) String createdBy, OffsetDateTime createdAt, boolean active) {
}
