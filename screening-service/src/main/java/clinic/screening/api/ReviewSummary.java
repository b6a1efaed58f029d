package clinic.screening.api;

import java.time.OffsetDateTime;

import clinic.screening.domain.ScreeningReview.Verdict;

/** Whether and when a decision was reviewed, without the clinician's reasoning: for front desk and admin. */
public record ReviewSummary(Verdict decision, OffsetDateTime reviewedAt) {
}
