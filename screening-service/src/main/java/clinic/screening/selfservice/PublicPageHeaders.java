package clinic.screening.selfservice;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Headers for the patient's public pages and their API: nothing but this service's own files may
 * run or load (so an injected script could not read the answers), the page may not be framed, no
 * Referer leaves it, and no cache keeps a copy of a page or an answer.
 */
public class PublicPageHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route().order(-900).handler(context -> {
            String path = context.request().path();
            if (path.startsWith("/intake") || path.startsWith("/public/")) {
                context.addHeadersEndHandler(ignored -> {
                    var headers = context.response().headers();
                    headers.set("Content-Security-Policy", POLICY);
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("Cache-Control", "no-store");
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("X-Frame-Options", "DENY");
                    headers.set("X-Robots-Tag", "noindex, nofollow");
                });
            }
            context.next();
        });
    }
}
