package clinic.screening.policy;

import java.time.LocalDate;
import java.util.List;

/** The result of applying one policy version to one request: outcome, reasons, and the next day that passes the intervals. */
public record Evaluation(Outcome outcome, List<Reason> reasons, LocalDate earliestEligibleDay) {
}
