package clinic.screening.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The default policy document (the same JSON the Flyway migration seeds), for tests without a database. */
public final class DefaultPolicy {

    private DefaultPolicy() {
    }

    public static PolicyDocument load() {
        try (InputStream in = DefaultPolicy.class.getResourceAsStream("/default-policy.json")) {
            return new ObjectMapper().readValue(in, PolicyDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
