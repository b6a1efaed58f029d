package clinic.screening.policy;

/**
 * A screening outcome, ranked by severity. BLOCKED outranks NEEDS_INTAKE on purpose: a completed
 * intake cannot unblock that slot, so the front desk should first move the date (the decision then
 * also carries the intake reason, so nothing is hidden).
 */
public enum Outcome {
    CLEARED(0),
    NEEDS_REVIEW(1),
    NEEDS_INTAKE(2),
    BLOCKED(3);

    private final int severity;

    Outcome(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public boolean isMoreSevereThan(Outcome other) {
        return severity > other.severity;
    }
}
