package clinic.content.events;

import java.util.Optional;

/** The event types of contract version 1. */
public enum EventType {
    AppointmentPendingReview,
    AppointmentConfirmed,
    AppointmentOnHold,
    AppointmentRejected,
    AppointmentRescheduled,
    AppointmentCancelled,
    AppointmentCheckedIn,
    AppointmentCompleted,
    AppointmentNoShow,
    AppointmentDayClosed,
    AppointmentDayReopened,
    AppointmentPractitionerAway,
    AppointmentPractitionerBack;

    public static Optional<EventType> of(String wire) {
        for (EventType t : values()) {
            if (t.name().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
