package clinic.web.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.web.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a request over the server's size limits (quarkus.http.limits.max-initial-line-length,
 * max-header-size, max-body-size) with a 414, 431 or 413 problem that names the limit. Quarkus
 * has these refused with an empty answer, by the HTTP decoder (with no hook to change it: the
 * Vert.x server's invalid-request handler is not reachable from an application) or by its own
 * body-size checks. So {@link DecoderCeilings} raises the decoder's limits, and this route, first
 * on every request, applies the configured ones: a chunked body (no Content-Length) is read here
 * by Vert.x's body handler up to the limit, and the REST layer then reads it from memory.
 */
@ApplicationScoped
public class RequestLimits {

    /** Before every other route, including Quarkus's own body-size check and authentication. */
    static final int ORDER = -10_000;
    private static final String READING_BODY = RequestLimits.class.getName() + ".reading-body";

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length")
    int maxRequestLine;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    private BodyHandler bodyReader;

    void install(@Observes Router router) {
        bodyReader = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()).setMergeFormAttributes(false);
        router.route().order(ORDER).handler(this::check).failureHandler(this::bodyOverLimit);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLineLength(request) > maxRequestLine) {
            refuse(context, LimitProblems.requestLineTooLong(maxRequestLine));
        } else if (headerLength(request) > maxHeaderSize.asLongValue()) {
            refuse(context, LimitProblems.headersTooLarge(maxHeaderSize.asLongValue()));
        } else if (declaredBodyLength(request) > maxBodySize.asLongValue()) {
            refuse(context, LimitProblems.bodyTooLarge(maxBodySize.asLongValue()));
        } else if (request.headers().contains("Transfer-Encoding", "chunked", true)) {
            context.put(READING_BODY, true);
            bodyReader.handle(context);
        } else {
            context.next();
        }
    }

    /** The body handler fails the request with 413 as soon as a chunked body passes the limit. */
    void bodyOverLimit(RoutingContext context) {
        if (context.statusCode() == 413 && Boolean.TRUE.equals(context.get(READING_BODY)) && !context.response().headWritten()) {
            refuse(context, LimitProblems.bodyTooLarge(maxBodySize.asLongValue()));
        } else {
            context.next();
        }
    }

    /** As the HTTP decoder counts it: "METHOD SP target SP version" without the line end. */
    private static long requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1L + request.uri().length() + 1L + "HTTP/1.1".length();
    }

    /** As the HTTP decoder counts it: each "Name: value" line without its line end. */
    private static long headerLength(HttpServerRequest request) {
        long length = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            length += header.getKey().length() + 2L + header.getValue().length();
        }
        return length;
    }

    private static long declaredBodyLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        RouteAnswers.refuse(context, problem, json);
    }
}
