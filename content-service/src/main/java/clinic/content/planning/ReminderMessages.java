package clinic.content.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ReminderConfig;
import clinic.content.domain.MessageKind;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.Procedure;
import clinic.content.domain.ReminderSchedule;
import clinic.content.events.AppointmentEvent;
import clinic.content.links.OptOutLinks;
import clinic.content.mail.AppointmentView;
import clinic.content.mail.MailRenderer;
import clinic.content.planning.Drafts.Draft;

/**
 * Reminders before a confirmed appointment, with the procedure's pre-visit notes. Non-essential:
 * they carry an opt-out link (and the RFC 8058 headers) and are skipped for a patient who opted
 * out. Planned anew, under new step names, whenever the appointment is confirmed or moved; the
 * old ones are withdrawn by then.
 */
@ApplicationScoped
public class ReminderMessages {

    private final ReminderSchedule schedule;
    private final AppointmentDescriber describer;
    private final MailRenderer renderer;
    private final OptOutLinks optOutLinks;
    private final Drafts drafts;
    private final Clock clock;

    public ReminderMessages(ReminderConfig config, AppointmentDescriber describer, MailRenderer renderer,
            OptOutLinks optOutLinks, Drafts drafts, Clock clock) {
        this.schedule = new ReminderSchedule(config.dayBefore().enabled(), config.dayBefore().at(),
                config.shortNotice().enabled(), config.shortNotice().before(), config.minNotice());
        this.describer = describer;
        this.renderer = renderer;
        this.optOutLinks = optOutLinks;
        this.drafts = drafts;
        this.clock = clock;
    }

    public List<OutboundMessage> plan(AppointmentEvent e, Procedure p) {
        AppointmentView a = describer.view(e, p);
        LocalDate day = e.start().atZone(describer.zone()).toLocalDate();
        return schedule.plan(e.start(), clock.instant(), describer.zone()).stream().map(reminder -> {
            LocalDate sentOn = reminder.due().atZone(describer.zone()).toLocalDate();
            String when = sentOn.equals(day) ? "today" : sentOn.plusDays(1).equals(day) ? "tomorrow" : "on " + a.date();
            String url = optOutLinks.urlFor(e.patientId(), reminder.due());
            var mail = renderer.reminder("Reminder: your " + p.displayName() + " appointment " + when + " at " + a.time(),
                    "This is a reminder of your " + p.displayName() + " appointment " + when + " at " + a.time() + ".", a, url);
            return drafts.row(e, new Draft(MessageKind.REMINDER, reminder.name() + "-" + e.sequence(), false, reminder.due(),
                    reminder.deadline(), mail, null, url));
        }).toList();
    }
}
