package clinic.booking.admin;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.remote.RemoteProblemMapper;
import clinic.web.ProblemException;

/** content-service's delivery view, which the clinic's admin reaches through booking; JSON passes through. */
@RegisterRestClient(configKey = "content")
@RegisterClientHeaders
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
@Produces(MediaType.APPLICATION_JSON)
interface ContentAdminApi {

    @GET
    @Path("/messages")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode deliveries(@QueryParam("status") String status, @QueryParam("limit") String limit);
}
