package clinic.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.web.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** Sends a problem from a Vert.x route, for requests refused before the REST layer sees them. */
final class RouteAnswers {

    private RouteAnswers() {
    }

    /**
     * Answers and, over HTTP/1.x, closes the connection: what is left of the request is not read, so
     * it cannot carry another. HTTP/2 forbids the Connection header; there the answer ends only its stream.
     */
    static void refuse(RoutingContext context, Problem problem, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body could not be written", e);
        }
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
