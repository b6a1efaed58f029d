package clinic.web.input;

import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hands the server's JSON reader the strict request mapper ({@link StrictJson}). Server only:
 * REST clients reading another service's answers and the Kafka event parser keep the
 * application's own, tolerant mapper, so a field added by a newer peer is not an error there.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictRequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictRequestJson(ObjectMapper applicationMapper) {
        this.strict = StrictJson.forRequests(applicationMapper);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
