package clinic.local.stack.contract;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * Checks an answer body against the schema its operation documents for that status and media
 * type, with networknt's JSON Schema validator in the OpenAPI 3.1 dialect. A schema is checked
 * as a document of its own that carries the service document's components, so its references
 * resolve as they do in the service's document.
 */
final class DocumentedAnswers {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private static final Map<JsonNode, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private DocumentedAnswers() {
    }

    /** What is wrong with the body for the documented schema; empty when it matches. */
    static Set<ValidationMessage> violations(JsonNode document, JsonNode schema, JsonNode body) {
        JsonSchema compiled = COMPILED.computeIfAbsent(schema, s -> {
            ObjectNode standalone = s.deepCopy();
            standalone.set("components", document.get("components"));
            return FACTORY.getSchema(standalone);
        });
        return compiled.validate(body);
    }
}
