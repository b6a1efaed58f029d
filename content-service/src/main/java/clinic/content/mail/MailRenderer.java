package clinic.content.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Renders the Qute email templates (an HTML and a plain-text body for each message). */
@ApplicationScoped
public class MailRenderer {

    @Location("mail/appointment.html")
    Template appointmentHtml;
    @Location("mail/appointment.txt")
    Template appointmentText;
    @Location("mail/cancellation.html")
    Template cancellationHtml;
    @Location("mail/cancellation.txt")
    Template cancellationText;
    @Location("mail/notice.html")
    Template noticeHtml;
    @Location("mail/notice.txt")
    Template noticeText;
    @Location("mail/reminder.html")
    Template reminderHtml;
    @Location("mail/reminder.txt")
    Template reminderText;
    @Location("mail/aftercare.html")
    Template aftercareHtml;
    @Location("mail/aftercare.txt")
    Template aftercareText;

    private final ClinicView clinic;

    public MailRenderer(ClinicConfig config) {
        this.clinic = new ClinicView(config.name(), config.address(), config.phone());
    }

    public ClinicView clinic() {
        return clinic;
    }

    /** An invitation (confirmation or update): the appointment's details and the calendar entry; {@code note} may be null. */
    public RenderedMail appointment(String subject, String headline, String note, AppointmentView a, String calendar) {
        return new RenderedMail(subject,
                appointmentText.data("headline", headline).data("note", note).data("a", a).data("clinic", clinic).render(),
                appointmentHtml.data("headline", headline).data("note", note).data("a", a).data("clinic", clinic).render(),
                calendar);
    }

    /** The appointment is off (cancelled or denied); the calendar cancellation is null when the patient holds no entry. */
    public RenderedMail cancellation(String subject, String headline, String followUp, AppointmentView a, String calendar) {
        Boolean withCalendar = calendar != null;
        return new RenderedMail(subject,
                cancellationText.data("headline", headline).data("followUp", followUp).data("withCalendar", withCalendar)
                        .data("a", a).data("clinic", clinic).render(),
                cancellationHtml.data("headline", headline).data("followUp", followUp).data("withCalendar", withCalendar)
                        .data("a", a).data("clinic", clinic).render(),
                calendar);
    }

    /** A status notice: a headline and a few plain paragraphs about the appointment, no calendar. */
    public RenderedMail notice(String subject, String headline, List<String> paragraphs, AppointmentView a) {
        return new RenderedMail(subject,
                noticeText.data("a", a).data("clinic", clinic).data("headline", headline).data("paragraphs", paragraphs).render(),
                noticeHtml.data("a", a).data("clinic", clinic).data("headline", headline).data("paragraphs", paragraphs).render(),
                null);
    }

    /** A reminder before the visit with its pre-visit notes; {@code optOutUrl} null when it cannot be opted out of. */
    public RenderedMail reminder(String subject, String headline, AppointmentView a, String optOutUrl) {
        return new RenderedMail(subject,
                reminderText.data("headline", headline).data("optOutUrl", optOutUrl).data("a", a).data("clinic", clinic).render(),
                reminderHtml.data("headline", headline).data("optOutUrl", optOutUrl).data("a", a).data("clinic", clinic).render(),
                null);
    }

    public RenderedMail aftercare(String subject, AftercareView v) {
        return new RenderedMail(subject,
                aftercareText.data("v", v).data("clinic", clinic).render(),
                aftercareHtml.data("v", v).data("clinic", clinic).render(),
                null);
    }
}
