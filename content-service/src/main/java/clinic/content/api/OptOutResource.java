package clinic.content.api;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import clinic.content.mail.MailRenderer;
import clinic.content.service.OptOutService;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * The opt-out link in emails. No login: the HMAC signature over the patient id is the credential.
 * A GET because it is a link in an email; recording an opt-out twice changes nothing.
 */
@Path("/opt-out")
@PermitAll
public class OptOutResource {

    private final OptOutService optOuts;
    private final MailRenderer renderer;

    public OptOutResource(OptOutService optOuts, MailRenderer renderer) {
        this.optOuts = optOuts;
        this.renderer = renderer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String optOut(@QueryParam("patient") String patient, @QueryParam("signature") String signature) {
        if (patient == null || patient.isBlank()) {
            throw ProblemException.badRequest("patient", "is required");
        }
        if (signature == null || signature.isBlank()) {
            throw ProblemException.badRequest("signature", "is required");
        }
        UUID patientId;
        try {
            patientId = UUID.fromString(patient.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("patient", "not a UUID");
        }
        if (!optOuts.optOut(patientId, signature)) {
            throw new ProblemException(Problem.of(403, "invalid-signature", "Invalid link",
                    "This opt-out link is not valid. Use the link from your email as it is, or call the clinic."));
        }
        return renderer.optOutPage();
    }
}
