package clinic.booking.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/**
 * Hands the opt-out link of an e-mail to content-service, which checks its token (the link's only
 * credential) and records the choice; passes content's page back as it is. When content cannot
 * answer, the patient is told plainly (503) and nothing is recorded.
 */
@ApplicationScoped
public class OptOutPageClient {

    @Inject
    @RestClient
    OptOutPagesApi api;

    public Response page(String token, String accept) {
        return call(() -> api.page(token, accept));
    }

    public Response optOut(String token, String accept) {
        return call(() -> api.optOut(token, accept));
    }

    private static Response call(java.util.function.Supplier<Response> request) {
        try (Response answer = request.get()) {
            return copy(answer);
        } catch (OptOutPagesApi.Page page) {
            return page.toResponse();
        } catch (RuntimeException failed) {
            Log.warnf("content-service unavailable for an opt-out page: %s", failed.toString());
            throw new ProblemException(Problem.of(503, "content-unavailable", "Temporarily unavailable",
                    "This page cannot be shown right now and nothing was changed. Please try the link again later."), 30);
        }
    }

    private static Response copy(Response answer) {
        Response.ResponseBuilder builder = Response.status(answer.getStatus()).entity(answer.readEntity(String.class));
        return answer.getMediaType() == null ? builder.build() : builder.type(answer.getMediaType()).build();
    }
}
