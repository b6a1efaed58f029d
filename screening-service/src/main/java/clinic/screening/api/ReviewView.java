package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.screening.domain.ScreeningReview.Verdict;

/** A stored review in full: clinicians only. */
public record ReviewView(UUID decisionId, Verdict decision, @Schema(nullable = true) String reason,
        String reviewedBy, OffsetDateTime reviewedAt) {
}
