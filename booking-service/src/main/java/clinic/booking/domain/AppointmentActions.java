package clinic.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What may be done with an appointment now, and why not: the one place for the lifecycle's time
 * rules. Check-in only on the appointment's day (clinic zone); no-show only once it has started;
 * completion only after check-in and not before the start; neither check-in nor completion while a
 * re-screen is owed.
 * Answers and guards both read it, so the actions the UI offers are the ones the API accepts.
 */
public final class AppointmentActions {

    /** Something a person can do with an appointment. */
    public enum Action { RESCHEDULE, CANCEL, CHECK_IN, NO_SHOW, COMPLETE, REVIEW }

    /** Why an action is refused: a stable problem type and a sentence for the front desk. */
    public record Refusal(String type, String detail) {
    }

    private static final Set<AppointmentStatus> CANCELLABLE = EnumSet.of(AppointmentStatus.PENDING_REVIEW,
            AppointmentStatus.CONFIRMED, AppointmentStatus.ON_HOLD, AppointmentStatus.CHECKED_IN);

    private AppointmentActions() {
    }

    public static List<Action> available(Appointment a, boolean rescreenDue, Instant now, ZoneId zone) {
        List<Action> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            if (refusal(action, a, rescreenDue, now, zone).isEmpty()) {
                actions.add(action);
            }
        }
        return actions;
    }

    public static Optional<Refusal> refusal(Action action, Appointment a, boolean rescreenDue, Instant now, ZoneId zone) {
        return switch (action) {
            case RESCHEDULE -> status(a, AppointmentStatus.MOVABLE, "moved");
            case CANCEL -> status(a, CANCELLABLE, "cancelled");
            case REVIEW -> status(a, EnumSet.of(AppointmentStatus.PENDING_REVIEW), "reviewed");
            case CHECK_IN -> status(a, EnumSet.of(AppointmentStatus.CONFIRMED), "checked in")
                    .or(() -> rescreenPending(rescreenDue, "checked in"))
                    .or(() -> onItsDay(a, now, zone));
            case NO_SHOW -> status(a, AppointmentStatus.MOVABLE, "marked as a no-show")
                    .or(() -> arrived(a, zone))
                    .or(() -> started(a, now, zone, "marked as a no-show"));
            case COMPLETE -> status(a, EnumSet.of(AppointmentStatus.CHECKED_IN), "completed")
                    .or(() -> rescreenPending(rescreenDue, "completed"))
                    .or(() -> started(a, now, zone, "completed"));
        };
    }

    private static Optional<Refusal> status(Appointment a, Set<AppointmentStatus> allowed, String what) {
        return allowed.contains(a.status) ? Optional.empty()
                : Optional.of(new Refusal("illegal-transition", "The appointment is " + DeskWording.status(a.status) + " and cannot be " + what
                        + (what.equals("completed") && a.status == AppointmentStatus.CONFIRMED ? " before the patient is checked in" : "")
                        + "."));
    }

    private static Optional<Refusal> rescreenPending(boolean rescreenDue, String what) {
        return rescreenDue ? Optional.of(new Refusal("rescreen-pending", "The patient's intake or the safety policy changed "
                + "and the appointment's safety screening is being repeated; it cannot be " + what + " until that is done."))
                : Optional.empty();
    }

    private static Optional<Refusal> onItsDay(Appointment a, Instant now, ZoneId zone) {
        LocalDate day = a.startAt.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        return day.equals(today) ? Optional.empty()
                : Optional.of(new Refusal("not-the-appointments-day", "Check-in is possible only on the appointment's day ("
                        + DeskWording.day(day) + "); today is " + DeskWording.day(today) + "."));
    }

    /** A patient checked in came, whatever a review or hold did to the appointment afterwards. */
    private static Optional<Refusal> arrived(Appointment a, ZoneId zone) {
        return a.checkedInAt == null ? Optional.empty()
                : Optional.of(new Refusal("patient-arrived", "The patient was checked in at "
                        + DeskWording.time(a.checkedInAt, zone) + "; an arrived patient is not a no-show. Cancel the appointment if it cannot go ahead."));
    }

    private static Optional<Refusal> started(Appointment a, Instant now, ZoneId zone, String what) {
        return now.isBefore(a.startAt) ? Optional.of(new Refusal("appointment-not-started", "The appointment starts at "
                + DeskWording.dayAndTime(a.startAt, zone) + "; it cannot be " + what + " before then."))
                : Optional.empty();
    }
}
