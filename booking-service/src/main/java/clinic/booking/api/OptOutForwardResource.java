package clinic.booking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.booking.content.ContentClient;

/**
 * The opt-out link in patients' e-mails. booking-service is the clinic's only public entry point,
 * so it hands the link to content-service, which checks the signature (the link's only credential)
 * and records the choice.
 */
@Path("/opt-out")
@Tag(name = "Patient links")
public class OptOutForwardResource {

    @Inject
    ContentClient content;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Opt out of non-essential messages (signed link from an e-mail; no sign-in)")
    public String optOut(@QueryParam("patient") String patient, @QueryParam("signature") String signature) {
        return content.optOut(patient, signature);
    }
}
