package clinic.screening.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import clinic.screening.domain.ScreeningReview.Verdict;

/** A stored review in full: clinicians only. */
public record ReviewView(UUID decisionId, Verdict decision, String reason, String reviewedBy, OffsetDateTime reviewedAt) {
}
