package clinic.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.web.Problem;
import io.vertx.ext.web.RoutingContext;

/** Sends a problem from a Vert.x route, for requests refused before the REST layer sees them. */
final class RouteAnswers {

    private RouteAnswers() {
    }

    /** Answers and closes the connection: what is left of the request is not read, so it cannot carry another. */
    static void refuse(RoutingContext context, Problem problem, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body could not be written", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }
}
