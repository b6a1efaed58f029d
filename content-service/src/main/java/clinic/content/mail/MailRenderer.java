package clinic.content.mail;

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
    @Location("mail/aftercare.html")
    Template aftercareHtml;
    @Location("mail/aftercare.txt")
    Template aftercareText;
    @Location("optout.html")
    Template optOutPage;

    private final ClinicView clinic;

    public MailRenderer(ClinicConfig config) {
        this.clinic = new ClinicView(config.name(), config.address(), config.phone());
    }

    public ClinicView clinic() {
        return clinic;
    }

    /** Confirmation or update: same layout, different headline. */
    public RenderedMail appointment(String subject, String headline, AppointmentView a, String calendar) {
        return new RenderedMail(subject,
                appointmentText.data("headline", headline).data("a", a).data("clinic", clinic).render(),
                appointmentHtml.data("headline", headline).data("a", a).data("clinic", clinic).render(),
                calendar);
    }

    public RenderedMail cancellation(String subject, AppointmentView a, String calendar) {
        return new RenderedMail(subject,
                cancellationText.data("a", a).data("clinic", clinic).render(),
                cancellationHtml.data("a", a).data("clinic", clinic).render(),
                calendar);
    }

    /** A status notice: a headline and a few plain paragraphs about the appointment, no calendar. */
    public RenderedMail notice(String subject, String headline, java.util.List<String> paragraphs, AppointmentView a) {
        return new RenderedMail(subject,
                noticeText.data("a", a).data("clinic", clinic).data("headline", headline).data("paragraphs", paragraphs).render(),
                noticeHtml.data("a", a).data("clinic", clinic).data("headline", headline).data("paragraphs", paragraphs).render(),
                null);
    }

    public RenderedMail aftercare(String subject, AftercareView v) {
        return new RenderedMail(subject,
                aftercareText.data("v", v).data("clinic", clinic).render(),
                aftercareHtml.data("v", v).data("clinic", clinic).render(),
                null);
    }

    public String optOutPage() {
        return optOutPage.data("clinic", clinic).render();
    }
}
