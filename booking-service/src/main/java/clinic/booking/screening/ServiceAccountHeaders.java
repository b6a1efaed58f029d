package clinic.booking.screening;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import clinic.booking.config.ClinicConfig;

/**
 * Authenticates booking's own calls to screening as its service account (role {@code service}):
 * the demo account over HTTP Basic in the local stack and tests. Nothing of the calling thread's
 * request is propagated: there is none.
 */
@ApplicationScoped
public class ServiceAccountHeaders implements ClientHeadersFactory {

    private final Optional<String> authorization;

    ServiceAccountHeaders(ClinicConfig config) {
        this.authorization = config.serviceAccount().user().map(u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + config.serviceAccount().password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        authorization.ifPresent(value -> headers.putSingle("Authorization", value));
        return headers;
    }
}
