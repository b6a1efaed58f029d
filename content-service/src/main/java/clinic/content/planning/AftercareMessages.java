package clinic.content.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.DispatchConfig;
import clinic.content.domain.AftercareCatalog;
import clinic.content.domain.AftercareCatalog.AftercareStep;
import clinic.content.domain.MessageKind;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.Procedure;
import clinic.content.domain.QuietHours;
import clinic.content.events.AppointmentEvent;
import clinic.content.links.OptOutLinks;
import clinic.content.mail.AftercareView;
import clinic.content.mail.MailRenderer;
import clinic.content.planning.Drafts.Draft;

/**
 * The aftercare plan of a completed procedure, one message per step, due from the completion time
 * (the event's occurredAt). The at-completion step is essential (the first hours and the red
 * flags) and goes at once whatever the hour; later steps wait for the morning and respect
 * opt-out. Each step's deadline is the next step's due time: a step that could only arrive after
 * the next one is dropped, never sent late.
 */
@ApplicationScoped
public class AftercareMessages {

    private final AppointmentDescriber describer;
    private final MailRenderer renderer;
    private final OptOutLinks optOutLinks;
    private final Drafts drafts;
    private final DispatchConfig dispatch;

    public AftercareMessages(AppointmentDescriber describer, MailRenderer renderer, OptOutLinks optOutLinks, Drafts drafts,
            DispatchConfig dispatch) {
        this.describer = describer;
        this.renderer = renderer;
        this.optOutLinks = optOutLinks;
        this.drafts = drafts;
        this.dispatch = dispatch;
    }

    public List<OutboundMessage> plan(AppointmentEvent e, Procedure procedure) {
        ZoneId zone = describer.zone();
        Instant completedAt = e.occurredAt();
        List<AftercareStep> steps = AftercareCatalog.plan(procedure);
        List<Instant> dues = steps.stream()
                .map(step -> step.essential() ? step.dueAfter(completedAt, zone)
                        : QuietHours.nearestDaytime(step.dueAfter(completedAt, zone), zone))
                .toList();
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            AftercareStep step = steps.get(i);
            Instant due = dues.get(i);
            Instant deadline = i + 1 < steps.size() ? dues.get(i + 1) : due.plus(dispatch.lastStepGrace());
            String url = step.essential() ? null : optOutLinks.urlFor(e.patientId(), due);
            AftercareView view = new AftercareView(e.patientFirstName(), procedure.displayName(), step.title(),
                    step.whatIsNormal(), step.advice(), AftercareCatalog.RED_FLAGS, url);
            var mail = renderer.aftercare(procedure.displayName() + " aftercare: " + step.title(), view);
            messages.add(drafts.row(e, new Draft(MessageKind.AFTERCARE, step.step(), step.essential(), due, deadline, mail,
                    null, url)));
        }
        return messages;
    }
}
