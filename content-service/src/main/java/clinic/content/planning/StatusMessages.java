package clinic.content.planning;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.domain.MessageKind;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.Procedure;
import clinic.content.events.AppointmentEvent;
import clinic.content.mail.AppointmentView;
import clinic.content.mail.CalendarWriter.Method;
import clinic.content.mail.CalendarWriter.Status;
import clinic.content.mail.MailRenderer;
import clinic.content.mail.RenderedMail;
import clinic.content.planning.Drafts.Draft;

/**
 * The messages that tell a patient how their appointment stands: reserved pending the clinic's
 * confirmation, confirmed, moved, to be confirmed again, on hold, cancelled or denied. All are
 * essential (sent even to a patient who opted out of reminders), due at once, and not worth sending
 * after the appointment has begun. None says why: reasons are medical or about the clinic's safety
 * checks and are explained on the phone; each message says only what happens now and what to do.
 */
@ApplicationScoped
public class StatusMessages {

    private final AppointmentDescriber describer;
    private final MailRenderer renderer;
    private final Drafts drafts;
    private final Clock clock;

    public StatusMessages(AppointmentDescriber describer, MailRenderer renderer, Drafts drafts, Clock clock) {
        this.describer = describer;
        this.renderer = renderer;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** The first invitation the patient gets for this appointment ({@code step} CONFIRMATION, or CONFIRMATION-n after one was withdrawn). */
    public OutboundMessage confirmation(AppointmentEvent e, Procedure p, String step) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.appointment("Your " + p.displayName() + " appointment on " + a.date() + " is confirmed",
                "Your appointment is confirmed.", null, a, describer.calendar(Method.REQUEST, Status.CONFIRMED, e, p));
        return invitation(e, MessageKind.CONFIRMATION, step, mail);
    }

    /** The appointment the patient holds in their calendar has moved and is confirmed at its new time. */
    public OutboundMessage moved(AppointmentEvent e, Procedure p) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.appointment("Your " + p.displayName() + " appointment has changed: now " + a.date()
                + " at " + a.time(), "Your appointment has changed. Here are the new details.", null, a,
                describer.calendar(Method.REQUEST, Status.CONFIRMED, e, p));
        return invitation(e, MessageKind.UPDATE, "UPDATE-" + e.sequence(), mail);
    }

    /** The appointment the patient holds was to be confirmed again (or on hold), and now goes ahead. */
    public OutboundMessage confirmedAgain(AppointmentEvent e, Procedure p) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.appointment("Your " + p.displayName() + " appointment on " + a.date() + " is confirmed",
                "Your appointment is confirmed and goes ahead as planned.", null, a,
                describer.calendar(Method.REQUEST, Status.CONFIRMED, e, p));
        return invitation(e, MessageKind.UPDATE, "UPDATE-" + e.sequence(), mail);
    }

    /** Booked, but the clinic must confirm it before it goes ahead: the time is kept for the patient. */
    public OutboundMessage reserved(AppointmentEvent e, Procedure p) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.notice("Your " + p.displayName() + " appointment on " + a.date()
                + ": your time is reserved", "Your time is reserved; the clinic will confirm your appointment.", List.of(
                        "Before the appointment can go ahead, the clinic needs to confirm it. We will e-mail you the "
                                + "confirmation, with an invitation for your calendar, as soon as it is confirmed.",
                        "Questions? Call us on " + describer.phone() + "."), a);
        return notice(e, MessageKind.NOTICE, "RESERVED-" + e.sequence(), mail);
    }

    /**
     * A confirmed (or held) appointment must be confirmed again by the clinic, at its time or at a
     * new one. A patient who holds the calendar entry gets it marked tentative; otherwise a notice.
     */
    public OutboundMessage toBeConfirmedAgain(AppointmentEvent e, Procedure p, boolean holdsCalendar) {
        AppointmentView a = describer.view(e, p);
        String subject = "Your " + p.displayName() + " appointment" + (e.previousStart() == null ? " on " + a.date() : "")
                + (e.previousStart() == null ? "" : " has moved to " + a.date() + " at " + a.time())
                + ": to be confirmed by the clinic";
        String headline = e.previousStart() == null
                ? "Your appointment needs to be confirmed again by the clinic."
                : "Your appointment has moved to " + a.date() + " at " + a.time() + " and needs to be confirmed by the clinic.";
        String step = "REVIEW-" + e.sequence();
        if (holdsCalendar) {
            RenderedMail mail = renderer.appointment(subject, headline, "Your time stays reserved, and your calendar entry is "
                    + "marked tentative until the clinic confirms it. We will e-mail you as soon as it is confirmed.", a,
                    describer.calendar(Method.REQUEST, Status.TENTATIVE, e, p));
            return invitation(e, MessageKind.UPDATE, step, mail);
        }
        RenderedMail mail = renderer.notice(subject, headline, List.of(
                "Your time stays reserved for you. Please treat the appointment as not yet confirmed: we will e-mail you "
                        + "as soon as the clinic has confirmed it.",
                "Questions? Call us on " + describer.phone() + "."), a);
        return notice(e, MessageKind.NOTICE, step, mail);
    }

    /**
     * The appointment cannot go ahead as booked until the patient talks to the clinic. A patient who
     * holds the calendar entry gets it marked tentative (at the appointment's time, a new one when it
     * moved), so no calendar shows it confirmed; otherwise a notice.
     */
    public OutboundMessage onHold(AppointmentEvent e, Procedure p, boolean holdsCalendar) {
        AppointmentView a = describer.view(e, p);
        String subject = "Your " + p.displayName() + " appointment on " + a.date() + ": please contact us";
        String headline = "Please contact us about your appointment.";
        String step = "HOLD-" + e.sequence();
        if (holdsCalendar) {
            RenderedMail mail = renderer.appointment(subject, headline, "We need to talk with you before it can go ahead: "
                    + "please call us on " + describer.phone() + ". Your time is kept for you meanwhile, and your calendar "
                    + "entry is marked tentative: please treat the appointment as not confirmed for now.", a,
                    describer.calendar(Method.REQUEST, Status.TENTATIVE, e, p));
            return invitation(e, MessageKind.UPDATE, step, mail);
        }
        RenderedMail mail = renderer.notice(subject, headline, List.of(
                        "We need to talk with you before it can go ahead, so please treat it as not confirmed for now.",
                        "Please call us on " + describer.phone() + "; your time is kept for you meanwhile."), a);
        return notice(e, MessageKind.NOTICE, step, mail);
    }

    /** Cancelled; the calendar cancellation only for a patient who may hold the entry. */
    public OutboundMessage cancelled(AppointmentEvent e, Procedure p, boolean holdsCalendar) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.cancellation("Your " + p.displayName() + " appointment on " + a.date() + " is cancelled",
                "Your " + p.displayName() + " appointment on " + a.date() + " at " + a.time() + " (" + a.timeZone()
                        + " time) has been cancelled.",
                "To book a new appointment, call us on " + describer.phone() + ".", a,
                holdsCalendar ? describer.calendar(Method.CANCEL, Status.CONFIRMED, e, p) : null);
        return offMessage(e, mail);
    }

    /** The clinic decided the appointment cannot go ahead; never why. */
    public OutboundMessage denied(AppointmentEvent e, Procedure p, boolean holdsCalendar) {
        AppointmentView a = describer.view(e, p);
        RenderedMail mail = renderer.cancellation("Your " + p.displayName() + " appointment on " + a.date()
                + " cannot go ahead", "We are sorry: the clinic cannot go ahead with your " + p.displayName()
                        + " appointment on " + a.date() + " at " + a.time() + " (" + a.timeZone() + " time).",
                "Please call us on " + describer.phone() + "; we will talk you through what is possible instead.", a,
                holdsCalendar ? describer.calendar(Method.CANCEL, Status.CONFIRMED, e, p) : null);
        return offMessage(e, mail);
    }

    private OutboundMessage invitation(AppointmentEvent e, MessageKind kind, String step, RenderedMail mail) {
        return drafts.row(e, new Draft(kind, step, true, clock.instant(), e.start(), mail, "REQUEST", null));
    }

    private OutboundMessage notice(AppointmentEvent e, MessageKind kind, String step, RenderedMail mail) {
        return drafts.row(e, new Draft(kind, step, true, clock.instant(), e.start(), mail, null, null));
    }

    private OutboundMessage offMessage(AppointmentEvent e, RenderedMail mail) {
        return drafts.row(e, new Draft(MessageKind.CANCELLATION, "CANCELLATION", true, clock.instant(), e.start(), mail,
                "CANCEL", null));
    }
}
