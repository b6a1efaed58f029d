package clinic.booking.api;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The front-desk screens sign in with their own form. A 401 with a Basic challenge would make the
 * browser pop up its own login dialog over them, so requests the screens send (marked with
 * {@code X-Requested-With: fetch}) get their 401 without the challenge header.
 */
public class NoLoginDialogForScripts {

    static final String MARKER_HEADER = "X-Requested-With";

    void install(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            if ("fetch".equalsIgnoreCase(context.request().getHeader(MARKER_HEADER))) {
                context.addHeadersEndHandler(ignored -> context.response().headers().remove("WWW-Authenticate"));
            }
            context.next();
        });
    }
}
