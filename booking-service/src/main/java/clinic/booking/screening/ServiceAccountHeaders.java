package clinic.booking.screening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

import clinic.booking.config.ClinicConfig;

/**
 * Authenticates booking's own calls to screening as its service account (realm role
 * {@code service}): in production with an access token from the clinic's identity provider (the
 * client credentials grant of booking's client, kept until shortly before it expires); in the local
 * stack and tests with the demo account over HTTP Basic. Nothing of the calling thread's request is
 * propagated: there is none.
 */
@ApplicationScoped
public class ServiceAccountHeaders implements ClientHeadersFactory {

    /** A token this close to its expiry is replaced before it is sent. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final Optional<String> basic;
    private final Instance<OidcClient> identityProvider;
    private Tokens tokens;

    ServiceAccountHeaders(ClinicConfig config, Instance<OidcClient> identityProvider) {
        this.basic = config.serviceAccount().user().map(u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + config.serviceAccount().password().orElse("")).getBytes(StandardCharsets.UTF_8)));
        this.identityProvider = identityProvider;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", basic.orElseGet(this::bearer));
        return headers;
    }

    private synchronized String bearer() {
        Long expiresAt = tokens == null ? null : tokens.getAccessTokenExpiresAt();
        if (tokens == null || expiresAt != null
                && Instant.now().plus(RENEW_BEFORE_EXPIRY).isAfter(Instant.ofEpochSecond(expiresAt))) {
            tokens = identityProvider.get().getTokens().await().atMost(Duration.ofSeconds(5));
        }
        return "Bearer " + tokens.getAccessToken();
    }
}
