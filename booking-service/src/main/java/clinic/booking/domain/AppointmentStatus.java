package clinic.booking.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An appointment's lifecycle, with the only transitions a clinic may make between its states. */
public enum AppointmentStatus {
    PENDING_REVIEW, CONFIRMED,
    /** Screening no longer clears it (blocked, or an intake is needed): the time is held until the front desk acts. */
    ON_HOLD,
    REJECTED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW;

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = Map.of(
            // back to CHECKED_IN: a patient checked in before the review or hold is still there
            PENDING_REVIEW, EnumSet.of(CONFIRMED, CHECKED_IN, REJECTED, CANCELLED, PENDING_REVIEW, ON_HOLD, NO_SHOW),
            CONFIRMED, EnumSet.of(CANCELLED, CHECKED_IN, NO_SHOW, PENDING_REVIEW, CONFIRMED, ON_HOLD),
            ON_HOLD, EnumSet.of(CONFIRMED, CHECKED_IN, PENDING_REVIEW, ON_HOLD, CANCELLED, NO_SHOW),
            CHECKED_IN, EnumSet.of(COMPLETED, CANCELLED, CHECKED_IN, PENDING_REVIEW, ON_HOLD),
            REJECTED, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));

    /** States that hold a practitioner's and a room's time (the exclusion constraints use the same list). */
    public static final Set<AppointmentStatus> HOLDING_TIME = EnumSet.of(PENDING_REVIEW, CONFIRMED, ON_HOLD, CHECKED_IN, COMPLETED);

    /**
     * States that rest on a current screening decision: screened again whenever the patient's intake or
     * the policy changes, up to the moment the procedure is done (a patient checked in included).
     */
    public static final Set<AppointmentStatus> SCREENED = EnumSet.of(PENDING_REVIEW, CONFIRMED, ON_HOLD, CHECKED_IN);

    /** States that can still move to another time (screened on the way). */
    public static final Set<AppointmentStatus> MOVABLE = EnumSet.of(PENDING_REVIEW, CONFIRMED, ON_HOLD);

    public boolean canBecome(AppointmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean holdsTime() {
        return HOLDING_TIME.contains(this);
    }
}
