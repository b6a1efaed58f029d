package clinic.booking.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An appointment's lifecycle, with the only transitions a clinic may make between its states. */
public enum AppointmentStatus {
    PENDING_REVIEW, CONFIRMED, REJECTED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW;

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = Map.of(
            PENDING_REVIEW, EnumSet.of(CONFIRMED, REJECTED, CANCELLED, PENDING_REVIEW),
            CONFIRMED, EnumSet.of(CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW, PENDING_REVIEW, CONFIRMED),
            CHECKED_IN, EnumSet.of(COMPLETED),
            REJECTED, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));

    /** States that hold a practitioner's and a room's time (the exclusion constraints use the same list). */
    public static final Set<AppointmentStatus> HOLDING_TIME = EnumSet.of(PENDING_REVIEW, CONFIRMED, CHECKED_IN, COMPLETED);

    /** States that can still be moved to another time (re-screened on the way). */
    public static final Set<AppointmentStatus> RESCHEDULABLE = EnumSet.of(PENDING_REVIEW, CONFIRMED);

    public boolean canBecome(AppointmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean holdsTime() {
        return HOLDING_TIME.contains(this);
    }
}
