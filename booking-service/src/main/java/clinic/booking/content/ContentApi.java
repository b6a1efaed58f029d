package clinic.booking.content;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.remote.RemoteProblemMapper;
import clinic.web.ProblemException;

/** What booking asks of content-service: an appointment's messages for the front desk. */
@RegisterRestClient(configKey = "content")
@RegisterClientHeaders
@RegisterProvider(RemoteProblemMapper.class)
@Path("/")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
interface ContentApi {

    @GET
    @Path("api/appointments/{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode messages(@PathParam("id") UUID appointmentId);
}
