package clinic.booking.remote;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Passes another service's deliberate answers (4xx problems, e.g. an intake field that is invalid)
 * on to our caller unchanged, as {@link ProblemException}s that fault tolerance neither retries nor
 * counts; anything else (5xx) becomes a failure that it does count.
 */
public class RemoteProblemMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new RemoteServiceFailedException("answered " + status);
        }
        return new ProblemException(readProblem(response, status));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @SuppressWarnings("unchecked")
    private static Problem readProblem(Response response, int status) {
        try {
            String body = response.readEntity(String.class);
            Map<String, Object> fields = JSON.readValue(body, Map.class);
            Problem problem = Problem.of(status, "remote-" + status, String.valueOf(fields.getOrDefault("title", "Refused")),
                    (String) fields.get("detail"));
            if (fields.get("type") instanceof String type) {
                problem = new Problem(type, problem.title(), status, problem.detail(), null, null, Map.of());
            }
            if (fields.get("errors") instanceof java.util.List<?> errors) {
                problem = problem.withErrors(errors.stream()
                        .filter(Map.class::isInstance).map(e -> (Map<String, Object>) e)
                        .map(e -> new Problem.FieldError(String.valueOf(e.get("field")), String.valueOf(e.get("message"))))
                        .toList());
            }
            return problem;
        } catch (RuntimeException | java.io.IOException unreadable) {
            return Problem.of(status, "remote-" + status, "Refused",
                    "the service answered " + status + (response.getMediaType() == null ? "" : " (" + MediaType.valueOf(response.getMediaType().toString()) + ")"));
        }
    }
}
