package clinic.content.links;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import clinic.content.config.ClinicConfig;

/**
 * The tokens in links of e-mails, which are their only credential: a JWS (HS256, jose4j) naming the
 * patient, the purpose as its audience and an expiry. A token made for one purpose is refused for
 * any other, and none works after it expires, so a forwarded or leaked e-mail gives little away.
 */
@ApplicationScoped
public class LinkTokens {

    private static final String ISSUER = "clinic-content";
    private static final int MIN_KEY_BYTES = 32;

    private final HmacKey key;
    private final Clock clock;

    public LinkTokens(ClinicConfig config, Clock clock) {
        byte[] secret = config.optOutSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_KEY_BYTES) {
            // HS256 needs a key as long as its hash: a shorter one would be refused at the first signature
            throw new IllegalStateException("clinic.opt-out-secret (CLINIC_OPT_OUT_SECRET) must be at least "
                    + MIN_KEY_BYTES + " bytes");
        }
        this.key = new HmacKey(secret);
        this.clock = clock;
    }

    /** What a link is for; each purpose is the token's audience. */
    public enum Purpose {
        OPT_OUT("opt-out");

        private final String audience;

        Purpose(String audience) {
            this.audience = audience;
        }

        public String audience() {
            return audience;
        }
    }

    /** What checking a token found. */
    public sealed interface Verdict {
    }

    /** Signed by us, for this purpose, not expired: it speaks for this patient. */
    public record Valid(UUID patientId) implements Verdict {
    }

    /** Genuine but too old. */
    public record Expired() implements Verdict {
    }

    /** Not ours, altered, or made for another purpose. */
    public record Invalid() implements Verdict {
    }

    public String issue(Purpose purpose, UUID patientId, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(purpose.audience());
        claims.setSubject(patientId.toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAt.toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a link token", e);
        }
    }

    public Verdict verify(Purpose purpose, String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(purpose.audience())
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                // the application's clock, not the JVM's, so tests can move time past an expiry
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token.trim());
            return new Valid(UUID.fromString(claims.getSubject()));
        } catch (InvalidJwtException e) {
            return e.hasExpired() ? new Expired() : new Invalid();
        } catch (MalformedClaimException | IllegalArgumentException e) {
            return new Invalid();
        }
    }
}
