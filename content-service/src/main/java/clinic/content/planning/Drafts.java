package clinic.content.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.events.AppointmentEvent;
import clinic.content.mail.RenderedMail;

/** Turns a rendered mail into the row the dispatcher sends: ids, due time, deadline, status. */
@ApplicationScoped
public class Drafts {

    private final ClinicConfig clinic;
    private final Clock clock;

    public Drafts(ClinicConfig clinic, Clock clock) {
        this.clinic = clinic;
        this.clock = clock;
    }

    /** What a planner decided about one message, before it becomes a row. */
    public record Draft(MessageKind kind, String step, boolean essential, Instant due, Instant deadline, RenderedMail mail,
            String calendarMethod, String unsubscribeUrl) {
    }

    /**
     * The row for a draft. A message whose deadline has already passed when it is planned (an
     * event that arrived after the appointment began) is recorded as DROPPED rather than sent late.
     */
    public OutboundMessage row(AppointmentEvent e, Draft d) {
        Instant now = clock.instant();
        OutboundMessage m = new OutboundMessage();
        m.id = UUID.randomUUID();
        m.appointmentId = e.appointmentId();
        m.patientId = e.patientId();
        m.kind = d.kind();
        m.step = d.step();
        m.essential = d.essential();
        m.recipient = e.patientEmail();
        m.subject = d.mail().subject();
        m.bodyText = d.mail().text();
        m.bodyHtml = d.mail().html();
        m.calendar = d.mail().calendar();
        m.calendarMethod = d.mail().calendar() == null ? null : d.calendarMethod();
        m.unsubscribeUrl = d.unsubscribeUrl();
        m.messageId = messageId(e.appointmentId(), d.step());
        m.dueAt = d.due();
        m.deadlineAt = d.deadline();
        m.attempts = 0;
        m.nextAttemptAt = d.due();
        m.createdAt = now;
        m.updatedAt = now;
        if (!d.deadline().isAfter(d.due()) || !d.deadline().isAfter(now)) {
            m.status = MessageStatus.DROPPED;
            m.lastError = "deadline passed before it could be sent";
        } else {
            m.status = MessageStatus.PENDING;
        }
        return m;
    }

    /** Stable across redeliveries, resends and replicas: the same appointment and step always give the same id. */
    public String messageId(UUID appointmentId, String step) {
        return "<appointment-" + appointmentId + "." + step.toLowerCase(Locale.ROOT) + "@" + clinic.senderDomain() + ">";
    }
}
