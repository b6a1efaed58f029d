package clinic.booking.remote;

import java.util.function.Supplier;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/**
 * The services booking forwards to on the front desk's behalf. A call's deliberate answer (a 4xx
 * problem: invalid input, wrong role, not found) passes through unchanged; any failure to get an
 * answer becomes a 503 problem with Retry-After, never a made-up answer.
 */
public enum RemoteService {

    SCREENING("screening-service", "screening-unavailable", "Screening unavailable"),
    CONTENT("content-service", "content-unavailable", "Message service unavailable");

    static final int RETRY_AFTER_SECONDS = 10;

    private final String service;
    private final String kind;
    private final String title;

    RemoteService(String service, String kind, String title) {
        this.service = service;
        this.kind = kind;
        this.title = title;
    }

    /** Runs the request; {@code what} says in the log what booking was trying to do. */
    public <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ProblemException deliberateAnswer) {
            throw deliberateAnswer;
        } catch (RuntimeException failure) {
            Log.warnf("%s unavailable while trying to %s: %s", service, what, failure.toString());
            throw new ProblemException(Problem.of(503, kind, title,
                    "The " + service + " could not be reached, so nothing was read or changed. Try again shortly."),
                    RETRY_AFTER_SECONDS);
        }
    }
}
