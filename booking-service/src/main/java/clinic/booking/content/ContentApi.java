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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** content-service's read API, for showing an appointment's messages at the front desk. */
@RegisterRestClient(configKey = "content")
@RegisterClientHeaders
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface ContentApi {

    @GET
    @Path("/appointments/{id}/messages")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    JsonNode messages(@PathParam("id") UUID appointmentId);
}
