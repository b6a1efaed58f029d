package clinic.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * Booking's event schema, read from booking's own source tree so the two sides cannot drift:
 * every event our tests produce is checked against it.
 */
public final class EventSchema {

    public static final Path FILE = Path.of("../booking-service/src/main/resources/events/appointment-event-v1.schema.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonNode raw;

    private EventSchema() {
    }

    /** Validation messages for the event; empty when it conforms (formats uuid, email, date-time included). */
    public static synchronized Set<String> violations(JsonNode event) {
        if (schema == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(FILE)) {
                raw = MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event schema at " + FILE.toAbsolutePath(), e);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(raw, config);
        }
        return schema.validate(event).stream().map(Object::toString).collect(Collectors.toSet());
    }

    public static synchronized JsonNode raw() {
        violations(MAPPER.createObjectNode());
        return raw;
    }
}
