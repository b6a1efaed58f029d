package clinic.booking.content;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.remote.RemoteProblemMapper;
import clinic.web.ProblemException;

/**
 * What the front desk asks of content-service about messages that did not reach a patient, and
 * about patients' choices of non-essential messages. The caller's credentials go along: content
 * checks the roles itself.
 */
@RegisterRestClient(configKey = "content")
@RegisterClientHeaders
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
interface MessageDeskApi {

    @GET
    @Path("messages/attention")
    JsonNode attention(@QueryParam("status") List<String> status, @QueryParam("limit") Integer limit);

    @POST
    @Path("messages/{id}/resend")
    JsonNode resend(@PathParam("id") UUID id);

    @POST
    @Path("messages/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode close(@PathParam("id") UUID id, JsonNode body);

    @GET
    @Path("patients/{id}/message-preferences")
    JsonNode preferences(@PathParam("id") UUID patientId);

    @PUT
    @Path("patients/{id}/message-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode setPreferences(@PathParam("id") UUID patientId, JsonNode body);

    @GET
    @Path("opt-outs")
    JsonNode optOuts(@QueryParam("limit") Integer limit);
}
