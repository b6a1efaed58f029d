package clinic.booking.screening;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import clinic.booking.remote.RemoteProblemMapper;
import clinic.web.ProblemException;

/**
 * screening-service's HTTP API. Guarded against a slow or failing screening: a timeout and a
 * circuit breaker on every call (each method has its own breaker), so that an outage is not
 * hammered, and one retry on calls that are safe to repeat (reads, and screening itself, where a
 * repeat only adds a decision to the audit trail). Answers that screening gave on purpose (4xx
 * problems) are neither retried nor counted as failures. No fallback: without an answer nothing
 * is confirmed (fail closed). The caller's Authorization header goes along (see
 * propagateHeaders in application.properties).
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
interface ScreeningApi {

    @PUT
    @Path("/intakes/{patientId}")
    IntakeReceipt putIntake(@PathParam("patientId") UUID patientId, IntakeQuestionnaire intake);

    @GET
    @Path("/intakes/{patientId}")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode getIntake(@PathParam("patientId") UUID patientId);

    @POST
    @Path("/screenings")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    ScreeningDecision screen(ScreeningRequest request);

    @POST
    @Path("/screenings/{decisionId}/review")
    JsonNode review(@PathParam("decisionId") UUID decisionId, ReviewRequest.Verdict review);

    @GET
    @Path("/screenings/{decisionId}")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode decision(@PathParam("decisionId") UUID decisionId);

    @GET
    @Path("/screenings/inputs/{patientId}")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    DecisionInputs inputs(@PathParam("patientId") UUID patientId);

    @POST
    @Path("/screenings/blocked-periods")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    List<BlockedPeriod> blockedPeriods(BlockedPeriodsRequest request);
}
