package clinic.screening.selfservice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.screening.config.ClinicConfig;

/**
 * Signs and reads self-service intake links. A link is {@code v1.<invitation id>.<expiry>.<signature>},
 * the signature an HMAC-SHA256 over its purpose, the invitation, the patient and the expiry: it
 * cannot be made for another patient or purpose, nor kept alive longer, without the server's key.
 * The patient's id is signed but not written in the link, so a link names nobody to whoever sees it.
 */
@ApplicationScoped
public class IntakeLinkSigner {

    static final String PURPOSE = "intake-self-service";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a well-formed link says, before its signature is checked against the patient it belongs to. */
    public record Claims(UUID invitationId, Instant expiresAt, byte[] signature) {
    }

    private final SecretKeySpec key;

    public IntakeLinkSigner(ClinicConfig config) {
        this.key = new SecretKeySpec(config.intakeLinks().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(UUID invitationId, UUID patientId, Instant expiresAt) {
        return VERSION + "." + invitationId + "." + expiresAt.getEpochSecond() + "."
                + ENCODE.encodeToString(mac(invitationId, patientId, expiresAt.getEpochSecond()));
    }

    /** The link's parts, or empty when it is not a link of ours at all. */
    public Optional<Claims> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(UUID.fromString(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    DECODE.decode(parts[3])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Whether the link was signed by us for this patient (constant time, so timing reveals nothing of the signature). */
    public boolean verify(Claims claims, UUID patientId) {
        return MessageDigest.isEqual(mac(claims.invitationId(), patientId, claims.expiresAt().getEpochSecond()), claims.signature());
    }

    private byte[] mac(UUID invitationId, UUID patientId, long expiresAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((PURPOSE + "|" + VERSION + "|" + invitationId + "|" + patientId + "|" + expiresAt)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
