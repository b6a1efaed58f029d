package clinic.booking.screening;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import clinic.booking.remote.RemoteProblemMapper;
import clinic.web.ProblemException;

/**
 * screening-service's screening endpoint as booking calls it on its own behalf, when no person's
 * request is behind the call (the re-screen worker): it authenticates as booking's service account
 * ({@link ServiceAccountHeaders}). Same guards as {@link ScreeningApi}, with breakers of its own.
 */
@RegisterRestClient(configKey = "screening")
@RegisterClientHeaders(ServiceAccountHeaders.class)
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api")
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ServiceScreeningApi {

    @POST
    @Path("/screenings")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    ScreeningDecision screen(ScreeningRequest request);
}
