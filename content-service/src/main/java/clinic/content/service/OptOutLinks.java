package clinic.content.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;

/**
 * Signed opt-out links: the signature is an HMAC-SHA256 of the patient id under a server secret,
 * so the link itself is the credential and needs no login, yet nobody can forge one for another
 * patient.
 */
@ApplicationScoped
public class OptOutLinks {

    private static final String ALGORITHM = "HmacSHA256";

    private final ClinicConfig config;
    private final SecretKeySpec key;

    public OptOutLinks(ClinicConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(config.optOutSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String urlFor(UUID patientId) {
        return config.publicUrl().replaceAll("/+$", "") + "/opt-out?patient=" + patientId
                + "&signature=" + URLEncoder.encode(sign(patientId), StandardCharsets.UTF_8);
    }

    public String sign(UUID patientId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(patientId));
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean verify(UUID patientId, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(patientId), given);
    }

    private byte[] mac(UUID patientId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(patientId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
