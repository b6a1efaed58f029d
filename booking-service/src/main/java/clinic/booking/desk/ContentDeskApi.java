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

/** What the front desk's screens ask content-service through booking: a patient's messages, and the intake link e-mail. */
@RegisterRestClient(configKey = "content")
@RegisterClientHeaders
@RegisterProvider(RemoteProblemMapper.class)
@Path("/api")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProblemException.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ContentDeskApi {

    @GET
    @Path("/patients/{patientId}/messages")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode patientMessages(@PathParam("patientId") UUID patientId);

    /** Idempotent at content-service (one e-mail per invitation id), so a retry is safe. */
    @POST
    @Path("/intake-invitation-mails")
    @Retry(maxRetries = 1, delay = 200, abortOn = ProblemException.class)
    JsonNode mailInvitation(InvitationMail mail);
}
