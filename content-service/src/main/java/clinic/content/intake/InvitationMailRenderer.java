package clinic.content.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Renders the intake link e-mail (its own templates, so the appointment messages' templates stay as they are). */
@ApplicationScoped
public class InvitationMailRenderer {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    /** Subject and both bodies. */
    public record Rendered(String subject, String text, String html) {
    }

    @Location("mail/intake-invitation.txt")
    Template text;

    @Location("mail/intake-invitation.html")
    Template html;

    private final ClinicConfig clinic;

    public InvitationMailRenderer(ClinicConfig clinic) {
        this.clinic = clinic;
    }

    /** The domain of the clinic's sender address, for our own Message-IDs. */
    public String senderDomain() {
        return clinic.senderDomain();
    }

    public Rendered render(InvitationMail mail) {
        ZoneId zone = clinic.timeZone();
        // the zone named, as the appointment e-mails name it: a patient may read the e-mail elsewhere
        String until = UNTIL.format(mail.expiresAt.atZone(zone)) + " (" + zone.getId() + " time)";
        InvitationMailView view = new InvitationMailView(mail.firstName, mail.link, until, clinic.name(), clinic.address(),
                clinic.phone());
        return new Rendered(subject(), text.data("v", view).render(), html.data("v", view).render());
    }

    /** The e-mail's subject, also what the patient's message list calls it. */
    public String subject() {
        return "Please answer a few health questions before your visit to " + clinic.name();
    }
}
