package clinic.content.links;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.mail.MailRenderer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The opt-out pages a patient sees: the confirmation with its button, the result, and what went wrong. */
@ApplicationScoped
public class OptOutPages {

    @Location("optout-confirm.html")
    Template confirm;
    @Location("optout-done.html")
    Template done;
    @Location("optout-problem.html")
    Template problem;

    private final MailRenderer renderer;

    public OptOutPages(MailRenderer renderer) {
        this.renderer = renderer;
    }

    public String confirm(String token) {
        return confirm.data("clinic", renderer.clinic()).data("token", token).render();
    }

    public String done() {
        return done.data("clinic", renderer.clinic()).render();
    }

    public String problem(String title, String detail) {
        return problem.data("clinic", renderer.clinic()).data("title", title).data("detail", detail).render();
    }
}
