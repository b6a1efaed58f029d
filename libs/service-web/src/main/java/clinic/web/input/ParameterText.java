package clinic.web.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import clinic.web.ProblemException;

/**
 * Refuses control characters in path and query parameters and in header values with a 400 that
 * names the parameter, before any resource reads them: they would reach SQL (PostgreSQL refuses
 * NUL), logs and stored idempotency keys. Header values may hold a tab, which HTTP allows there.
 * A percent-encoded parameter that is not UTF-8 is refused too: the decoder turns such bytes into
 * U+FFFD, which no parameter of the clinic's APIs holds on purpose.
 */
public class ParameterText {

    /** Before {@link ParameterTypes}: a parameter's text is found unreadable before it is found not to be a UUID or a date. */
    static final int PRIORITY = Priorities.USER;

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    @ServerRequestFilter(priority = PRIORITY)
    public void refuseControlCharacters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(), false);
        check(request.getUriInfo().getQueryParameters(), false);
        check(request.getHeaders(), true);
    }

    private static void check(Map<String, List<String>> parameters, boolean header) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String checked = header ? value.replace('\t', ' ') : value;
                int bad = TextRules.firstForbidden(checked, false);
                if (bad >= 0) {
                    throw ProblemException.badRequest(parameter.getKey(), TextRules.whyRefused(checked, bad));
                }
                if (!header && value.indexOf(REPLACEMENT_CHARACTER) >= 0) {
                    throw ProblemException.badRequest(parameter.getKey(), "is not valid percent-encoded UTF-8");
                }
            }
        }
    }
}
