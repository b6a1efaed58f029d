package clinic.booking.remote;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.oidc.AccessTokenCredential;

/**
 * Sends the caller's OIDC access token on to screening and content, which check its roles: the
 * bearer token an API client sent, or the access token of the browser's code flow session (which
 * has no Authorization header to propagate). Demo users' Basic credentials go along as the
 * propagated header instead. Written here because the extension that does this,
 * quarkus-rest-client-oidc-token-propagation, does not resolve for Quarkus 3.33.2 (its parent POM
 * is missing from the repository); it does the same with the same credential.
 */
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        // a provider named in configuration is not a CDI bean (no injection): look the credential up
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return;
        }
        // quarkus-oidc's request-scoped producer answers an empty credential when the caller has no token
        String token = container.select(AccessTokenCredential.class).get().getToken();
        if (token != null && !token.isBlank()) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }
}
