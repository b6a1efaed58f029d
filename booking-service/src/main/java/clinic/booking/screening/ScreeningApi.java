package clinic.booking.screening;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import clinic.web.ProblemException;

/**
 * screening-service's HTTP API. Guarded against a slow or failing screening: a timeout, one
 * retry for transient failures, and a circuit breaker so that a screening outage is not hammered.
 * Answers that screening gave on purpose (4xx problems) are neither retried nor counted as
 * failures. No fallback: without an answer nothing is confirmed (fail closed). The caller's
 * Authorization header goes along (see propagateHeaders in application.properties).
 */
@RegisterRestClient(configKey = "screening")
@RegisterClientHeaders
@RegisterProvider(ScreeningProblemMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ScreeningApi {

    @PUT
    @Path("/intakes/{patientId}")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    JsonNode putIntake(@PathParam("patientId") UUID patientId, JsonNode intake);

    @jakarta.ws.rs.GET
    @Path("/intakes/{patientId}")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    JsonNode getIntake(@PathParam("patientId") UUID patientId);

    @POST
    @Path("/screenings")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    ScreeningDecision screen(ScreeningRequest request);

    @POST
    @Path("/screenings/{decisionId}/review")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    JsonNode review(@PathParam("decisionId") UUID decisionId, ReviewRequest review);

    @jakarta.ws.rs.GET
    @Path("/screenings/{decisionId}")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    JsonNode decision(@PathParam("decisionId") UUID decisionId);

    @POST
    @Path("/screenings/blocked-periods")
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    List<BlockedPeriod> blockedPeriods(BlockedPeriodsRequest request);
}
