package clinic.booking.desk;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * What the front desk's screens ask screening-service through booking: when a patient could have a
 * procedure (the outlook), the state of a patient's intake (no answers), and a self-service intake
 * link. Guarded like {@code ScreeningApi}; the caller's credentials go along.
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
interface ScreeningDeskApi {

    @POST
    @Path("/screenings/outlook")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode outlook(OutlookRequest request);

    @GET
    @Path("/intake-status/{patientId}")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode intakeStatus(@PathParam("patientId") UUID patientId);

    /** Not retried: a repeat would make a second link (the first one stops working, which is safe but confusing). */
    @POST
    @Path("/intake-invitations")
    JsonNode invite(InvitationRequest request);
}
