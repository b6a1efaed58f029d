package clinic.booking.api;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The front-desk screens sign in with their own form. A 401 with a Basic challenge would make the
 * browser pop up its own login dialog over them, so requests the screens send (marked with
 * {@code X-Requested-With: JavaScript}) get their 401 without the challenge header.
 */
public class NoLoginDialogForScripts {

    static final String MARKER_HEADER = "X-Requested-With";
    /** The value Quarkus OIDC also reads as "a script asked" (it answers 499 instead of redirecting). */
    static final String MARKER_VALUE = "JavaScript";

    void install(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            if (MARKER_VALUE.equalsIgnoreCase(context.request().getHeader(MARKER_HEADER))) {
                context.addHeadersEndHandler(ignored -> context.response().headers().remove("WWW-Authenticate"));
            }
            context.next();
        });
    }
}
