package clinic.booking.content;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The patient-facing opt-out pages of content-service, fetched as they are (status, type, body) so
 * booking can hand them on: a patient's browser gets content's own page, errors included.
 */
@RegisterRestClient(configKey = "content")
@Path("/opt-out")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
interface OptOutPagesApi {

    @GET
    Response page(@QueryParam("token") String token, @HeaderParam("Accept") String accept);

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response optOut(@FormParam("token") String token, @HeaderParam("Accept") String accept);

    /** Content's refusals are answers to pass on, not failures: they travel as a {@link Page}. */
    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        if (response.getStatus() >= 500) {
            return null;
        }
        return new Page(response.getStatus(), response.getMediaType() == null ? null : response.getMediaType().toString(),
                response.readEntity(String.class));
    }

    /** An answer of content-service to pass on as it is. */
    final class Page extends RuntimeException {

        private final int status;
        private final String type;
        private final String body;

        Page(int status, String type, String body) {
            super("content-service answered " + status, null, false, false);
            this.status = status;
            this.type = type;
            this.body = body;
        }

        Response toResponse() {
            Response.ResponseBuilder builder = Response.status(status).entity(body);
            return type == null ? builder.build() : builder.type(type).build();
        }
    }
}
