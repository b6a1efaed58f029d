package clinic.booking.outbox;

import clinic.booking.domain.AppointmentStatus;

/**
 * The event names of the v1 contract, one per kind of appointment change. AppointmentDayClosed and
 * AppointmentDayReopened change no status: the clinic closed, or opened again, the day the
 * appointment is booked on; nor do AppointmentPractitionerAway and AppointmentPractitionerBack: its
 * practitioner's time off came to cover its time, or no longer does.
 */
public enum AppointmentEventType {
    AppointmentPendingReview, AppointmentConfirmed, AppointmentOnHold, AppointmentRejected, AppointmentRescheduled,
    AppointmentCancelled, AppointmentCheckedIn, AppointmentCompleted, AppointmentNoShow, AppointmentDayClosed,
    AppointmentDayReopened, AppointmentPractitionerAway, AppointmentPractitionerBack;

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
