package clinic.content.links;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;

/** The opt-out address of a non-essential message: the confirmation page, with a token valid for a while after the message is due. */
@ApplicationScoped
public class OptOutLinks {

    private final ClinicConfig config;
    private final LinkTokens tokens;

    public OptOutLinks(ClinicConfig config, LinkTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    public String urlFor(UUID patientId, Instant messageDue) {
        String token = tokens.issue(LinkTokens.Purpose.OPT_OUT, patientId, messageDue.plus(config.optOutLinkValidity()));
        // JWS compact serialisation is base64url and dots: safe in a query string as it is
        return config.publicUrl().replaceAll("/+$", "") + "/opt-out?token=" + token;
    }
}
