package clinic.screening.policy;

/** The lifecycle states booking reports for a patient's other appointments. */
public enum AppointmentStatus {
    PENDING_REVIEW(true),
    CONFIRMED(true),
    ON_HOLD(true),
    CHECKED_IN(true),
    COMPLETED(true),
    CANCELLED(false),
    NO_SHOW(false),
    REJECTED(false);

    private final boolean countsForIntervals;

    AppointmentStatus(boolean countsForIntervals) {
        this.countsForIntervals = countsForIntervals;
    }

    /**
     * Cancelled, no-show and rejected appointments never touched the skin, so they constrain nothing.
     * One on hold keeps its time and goes ahead once screening clears it again, so it counts, as one
     * waiting for review does.
     */
    public boolean countsForIntervals() {
        return countsForIntervals;
    }
}
