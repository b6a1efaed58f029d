package clinic.booking.domain;

import java.util.List;
import java.util.UUID;

/** What booking keeps of a screening decision: its id, outcome, front-desk categories and the versions it rests on. */
public record ScreeningBasis(UUID decisionId, String outcome, List<String> categories, int intakeVersion, int policyVersion) {
}
