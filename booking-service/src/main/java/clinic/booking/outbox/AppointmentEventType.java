package clinic.booking.outbox;

import clinic.booking.domain.AppointmentStatus;

/** The event names of the v1 contract, one per kind of appointment change. */
public enum AppointmentEventType {
    AppointmentPendingReview, AppointmentConfirmed, AppointmentOnHold, AppointmentRejected, AppointmentRescheduled,
    AppointmentCancelled, AppointmentCheckedIn, AppointmentCompleted, AppointmentNoShow;

    /** The event announcing that an appointment reached this status. */
    public static AppointmentEventType reaching(AppointmentStatus status) {
        return switch (status) {
            case PENDING_REVIEW -> AppointmentPendingReview;
            case CONFIRMED -> AppointmentConfirmed;
            case ON_HOLD -> AppointmentOnHold;
            case REJECTED -> AppointmentRejected;
            case CANCELLED -> AppointmentCancelled;
            case CHECKED_IN -> AppointmentCheckedIn;
            case COMPLETED -> AppointmentCompleted;
            case NO_SHOW -> AppointmentNoShow;
        };
    }
}
