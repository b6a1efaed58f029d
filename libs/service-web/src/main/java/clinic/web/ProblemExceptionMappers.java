package clinic.web;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every error a request can meet into an RFC 9457 problem body: validation and JSON errors
 * name the field, domain errors keep their own type, and an unexpected failure answers a bare 500
 * without internals (which could include patient data) while the log keeps the cause.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return ProblemResponses.of(e.problem(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return ProblemResponses.of(Problem.of(400, "invalid-request", "Invalid request", detail).withErrors(errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e) {
        return ProblemResponses.of(JsonProblems.of(e));
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongShape(MismatchedInputException e) {
        return ProblemResponses.of(JsonProblems.of(e));
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongValue(InvalidFormatException e) {
        return ProblemResponses.of(JsonProblems.of(e));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unmappable(JsonMappingException e) {
        return ProblemResponses.of(JsonProblems.of(e));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        return ProblemResponses.of(JsonProblems.of(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // the JSON reader reports unreadable bodies as a bare 400 whose cause says what was wrong
        if (e.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.of(JsonProblems.of(json));
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return ProblemResponses.of(Problem.of(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return ProblemResponses.of(Problem.of(401, "unauthenticated", "Authentication required", "Sign in to use this endpoint."));
    }

    @ServerExceptionMapper
    public Response failedAuthentication(AuthenticationFailedException e) {
        return unauthenticated(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(Problem.of(403, "forbidden", "Not allowed for your role",
                "Your role may not use this endpoint."));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            // a transaction that could not get a connection changed nothing; the caller may simply retry
            Log.warnf("No database connection: %s", DatabaseOutage.rootMessage(e));
            return ProblemResponses.of(Problem.of(503, "database-unavailable", "Database unavailable",
                    "The service cannot get a connection to its database just now (unreachable, or every connection busy); "
                            + "nothing was changed. Try again shortly."), 10);
        }
        if (ConcurrentChange.causedBy(e)) {
            Log.infof("A request lost a race with a concurrent change: %s", DatabaseOutage.rootMessage(e));
            return ProblemResponses.of(Problem.of(409, "concurrent-change", "Changed at the same moment",
                    "The same record was changed by someone else at the same moment; nothing was changed by this request. "
                            + "Reload and try again."));
        }
        Log.error("Unexpected failure while handling a request", e);
        return ProblemResponses.of(Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; nothing was changed. The error is logged."));
    }

    /** The last node of the violation's path: the request field, not the Java method and parameter. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        boolean sawParameter = false;
        StringBuilder afterParameter = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> {
                    sawParameter = true;
                    name = node.getName();
                }
                default -> {
                    if (sawParameter) {
                        if (node.isInIterable() && node.getIndex() != null) {
                            afterParameter.append('[').append(node.getIndex()).append(']');
                        }
                        if (node.getName() != null) {
                            afterParameter.append(afterParameter.length() == 0 ? "" : ".").append(node.getName());
                        }
                    } else {
                        name = node.getName();
                    }
                }
            }
        }
        if (afterParameter.length() > 0) {
            return afterParameter.toString();
        }
        return name == null ? "body" : name;
    }
}
