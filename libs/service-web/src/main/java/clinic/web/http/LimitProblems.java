package clinic.web.http;

import clinic.web.Problem;

/** The problems for a request over one of the server's size limits, each naming the limit and its size. */
public final class LimitProblems {

    private LimitProblems() {
    }

    public static Problem requestLineTooLong(long maxBytes) {
        return Problem.of(414, "uri-too-long", "Request line too long",
                "The request line (method, path and query) is longer than the server's limit of " + maxBytes + " bytes.")
                .with("limit", "request-line").with("maxBytes", maxBytes);
    }

    public static Problem headersTooLarge(long maxBytes) {
        return Problem.of(431, "headers-too-large", "Request header fields too large",
                "The request's header fields add up to more than the server's limit of " + maxBytes + " bytes.")
                .with("limit", "header-fields").with("maxBytes", maxBytes);
    }

    public static Problem bodyTooLarge(long maxBytes) {
        return Problem.of(413, "body-too-large", "Request body too large",
                "The request body is larger than the server's limit of " + maxBytes + " bytes.")
                .with("limit", "body").with("maxBytes", maxBytes);
    }
}
