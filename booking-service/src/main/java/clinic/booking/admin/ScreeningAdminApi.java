package clinic.booking.admin;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * The parts of screening-service's API that the clinic's admin reaches through booking: the safety
 * policy and a patient's screening audit. JSON passes through untouched (screening owns its shape).
 * Guarded like {@code ScreeningApi}: timeout, a breaker per method, one retry on reads, 4xx answers
 * neither retried nor counted; the caller's credentials go along (application.properties).
 */
@RegisterRestClient(configKey = "screening")
@RegisterClientHeaders
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api")
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ScreeningAdminApi {

    @GET
    @Path("/policy")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode policy();

    @PUT
    @Path("/policy")
    JsonNode changePolicy(JsonNode policy);

    @GET
    @Path("/policy/versions")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode policyVersions();

    @GET
    @Path("/patients/{patientId}/screenings")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode screeningAudit(@PathParam("patientId") UUID patientId);
}
