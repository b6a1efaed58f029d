package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import clinic.content.domain.AftercareCatalog;
import clinic.content.domain.AftercareCatalog.AftercareStep;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.Procedure;
import clinic.content.domain.QuietHours;
import clinic.content.events.AppointmentEvent;
import clinic.content.mail.AftercareView;
import clinic.content.mail.AppointmentView;
import clinic.content.mail.CalendarWriter;
import clinic.content.mail.CalendarWriter.CalendarEntry;
import clinic.content.mail.MailRenderer;
import clinic.content.mail.RenderedMail;

/**
 * Turns an event into the messages it calls for, rendered and ready for the dispatcher.
 *
 * <p>Which messages are essential (sent even to a patient who opted out): confirmations, updates
 * and cancellations, because they are about an appointment the patient must know of; and the
 * at-completion aftercare message, because it is the first to carry the red flags and how to reach
 * the clinic. The later aftercare steps are reminders: they carry an opt-out link and are skipped
 * once the patient opts out. Every message shows the procedure's name and nothing else medical.
 */
@ApplicationScoped
public class MessagePlanner {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ClinicConfig clinic;
    private final MailRenderer renderer;
    private final OptOutLinks optOutLinks;
    private final Clock clock;

    public MessagePlanner(ClinicConfig clinic, MailRenderer renderer, OptOutLinks optOutLinks, Clock clock) {
        this.clinic = clinic;
        this.renderer = renderer;
        this.optOutLinks = optOutLinks;
        this.clock = clock;
    }

    /** The first calendar invitation, or (when {@code step} is an update) the changed one. */
    public OutboundMessage calendarRequest(AppointmentEvent e, Procedure procedure, MessageKind kind, String step) {
        AppointmentView view = view(e, procedure);
        String calendar = CalendarWriter.write(CalendarWriter.Method.REQUEST, calendarEntry(e, procedure));
        RenderedMail mail = kind == MessageKind.CONFIRMATION
                ? renderer.appointment("Your " + procedure.displayName() + " appointment on " + view.date() + " is confirmed",
                        "Your appointment is confirmed.", view, calendar)
                : renderer.appointment("Your " + procedure.displayName() + " appointment has changed: now " + view.date()
                        + " at " + view.time(), "Your appointment has changed. Here are the new details.", view, calendar);
        return message(e, kind, step, true, clock.instant(), mail);
    }

    public OutboundMessage calendarCancel(AppointmentEvent e, Procedure procedure) {
        AppointmentView view = view(e, procedure);
        String calendar = CalendarWriter.write(CalendarWriter.Method.CANCEL, calendarEntry(e, procedure));
        RenderedMail mail = renderer.cancellation("Your " + procedure.displayName() + " appointment on " + view.date()
                + " is cancelled", view, calendar);
        return message(e, MessageKind.CANCELLATION, "CANCELLATION", true, clock.instant(), mail);
    }

    /**
     * Tells the patient that the appointment cannot go ahead as booked until they talk to the clinic.
     * Never why: the reason is medical or about the clinic's safety checks, and the clinic explains it
     * on the phone; the message says only what to do.
     */
    public OutboundMessage onHold(AppointmentEvent e, Procedure procedure) {
        AppointmentView view = view(e, procedure);
        List<String> paragraphs = List.of(
                "We need to talk with you before it can go ahead, so please treat it as not confirmed for now.",
                "Please call us on " + clinic.phone() + "; your time is kept for you meanwhile.");
        RenderedMail mail = renderer.notice("Your " + procedure.displayName() + " appointment on " + view.date()
                + ": please contact us", "Please contact us about your appointment.", paragraphs, view);
        return message(e, MessageKind.NOTICE, "HOLD-" + e.sequence(), true, clock.instant(), mail);
    }

    /** One message per step of the procedure's plan, due from the completion time; later steps never at night. */
    public List<OutboundMessage> aftercare(AppointmentEvent e, Procedure procedure) {
        ZoneId zone = clinic.timeZone();
        Instant completedAt = e.occurredAt();
        List<OutboundMessage> messages = new ArrayList<>();
        for (AftercareStep step : AftercareCatalog.plan(procedure)) {
            Instant dueAt = step.dueAfter(completedAt, zone);
            // the at-completion message (the first hours, and the red flags) goes out at once whatever the hour;
            // only the later steps wait for the morning
            Instant due = step.essential() ? dueAt : QuietHours.deferIfNight(dueAt, zone);
            AftercareView view = new AftercareView(e.patientFirstName(), procedure.displayName(), step.title(),
                    step.whatIsNormal(), step.advice(), AftercareCatalog.RED_FLAGS,
                    step.essential() ? null : optOutLinks.urlFor(e.patientId()));
            RenderedMail mail = renderer.aftercare(procedure.displayName() + " aftercare: " + step.title(), view);
            messages.add(message(e, MessageKind.AFTERCARE, step.step(), step.essential(), due, mail));
        }
        return messages;
    }

    /** Stable across redeliveries and replicas: the same appointment and step always give the same id. */
    public String messageId(UUID appointmentId, String step) {
        return "<appointment-" + appointmentId + "." + step.toLowerCase(Locale.ROOT) + "@" + clinic.senderDomain() + ">";
    }

    private OutboundMessage message(AppointmentEvent e, MessageKind kind, String step, boolean essential, Instant due,
            RenderedMail mail) {
        Instant now = clock.instant();
        OutboundMessage m = new OutboundMessage();
        m.id = UUID.randomUUID();
        m.appointmentId = e.appointmentId();
        m.patientId = e.patientId();
        m.kind = kind;
        m.step = step;
        m.essential = essential;
        m.recipient = e.patientEmail();
        m.subject = mail.subject();
        m.bodyText = mail.text();
        m.bodyHtml = mail.html();
        m.calendar = mail.calendar();
        m.messageId = messageId(e.appointmentId(), step);
        m.dueAt = due;
        m.status = MessageStatus.PENDING;
        m.attempts = 0;
        m.nextAttemptAt = due;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    private AppointmentView view(AppointmentEvent e, Procedure procedure) {
        ZoneId zone = clinic.timeZone();
        ZonedDateTime start = e.start().atZone(zone);
        String previous = null;
        if (e.previousStart() != null) {
            ZonedDateTime before = e.previousStart().atZone(zone);
            previous = DATE.format(before) + " at " + TIME.format(before);
        }
        return new AppointmentView(e.patientFirstName(), procedure.displayName(), DATE.format(start), TIME.format(start),
                zone.getId(), e.practitionerName(), e.roomName(), previous, procedure.preVisitNotes());
    }

    private CalendarEntry calendarEntry(AppointmentEvent e, Procedure procedure) {
        String description = procedure.displayName()
                + (e.practitionerName() == null ? "" : " with " + e.practitionerName())
                + " at " + clinic.name() + ".\nTo change or cancel, call " + clinic.phone() + ".";
        // The booking event sequence grows with every change of the appointment, so it is a
        // SEQUENCE that only increases and is the same on every redelivery of the event.
        return new CalendarEntry(calendarUid(e.appointmentId()), e.sequence(), e.occurredAt(), e.start(), e.end(),
                procedure.displayName() + " at " + clinic.name(), clinic.address(), description,
                clinic.name(), clinic.senderAddress(), e.patientFirstName(), e.patientEmail());
    }

    public String calendarUid(UUID appointmentId) {
        return "appointment-" + appointmentId + "@" + clinic.senderDomain();
    }
}
