package clinic.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates custom resources against the OpenAPI v3 schema of their CustomResourceDefinition, the way
 * the API server prunes: an object that does not declare x-kubernetes-preserve-unknown-fields allows
 * no field outside its properties (additionalProperties false), so a typo fails instead of vanishing.
 *
 * <p>The CRDs are stored as data under src/test/resources/crds (origin and version in the README
 * there). Keywords JSON Schema cannot check (CEL rules, formats, defaults, list/map types) are dropped.
 */
final class CrdSchemas {

    /** Marks a subtree left out of a stored schema (see crds/README.md): any value there fails. */
    static final String PRUNED = "x-clinic-pruned";

    static final Map<String, String> FILES = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crds/postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/Database", "crds/postgresql.cnpg.io_databases.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "crds/postgresql.cnpg.io_scheduledbackups.yaml",
            "barmancloud.cnpg.io/v1/ObjectStore", "crds/barmancloud.cnpg.io_objectstores.yaml");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Set<String> KEPT = Set.of("type", "required", "enum", "minimum", "maximum", "minLength",
            "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
            "multipleOf");

    private CrdSchemas() {
    }

    static boolean knows(JsonNode object) {
        return FILES.containsKey(StrictModels.typeKey(object));
    }

    /** Every way {@code object} breaks its CRD's schema ("$.spec.instance: is not defined ..."); empty when valid. */
    static List<String> violations(JsonNode object) {
        String key = StrictModels.typeKey(object);
        JsonSchema schema = SCHEMAS.computeIfAbsent(key, CrdSchemas::load);
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(m -> m.getMessage()).sorted().toList();
    }

    private static JsonSchema load(String key) {
        String file = FILES.get(key);
        if (file == null) {
            throw new AssertionError("no stored CRD for " + key);
        }
        String version = key.split("/")[1];
        JsonNode crd = readCrd(file);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                ObjectNode schema = (ObjectNode) toJsonSchema(v.path("schema").path("openAPIV3Schema"));
                // metadata is ObjectMeta, which the API server validates itself (the tests use the
                // fabric8 model for it); the CRD only says "object"
                ((ObjectNode) schema.path("properties")).putObject("metadata").put("type", "object");
                return FACTORY.getSchema(schema);
            }
        }
        throw new AssertionError(file + " has no version " + version);
    }

    private static JsonNode readCrd(String file) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + file);
            }
            return Manifests.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenAPI v3 (structural, Kubernetes flavour) to JSON Schema draft 7 with pruning made strict. */
    static JsonNode toJsonSchema(JsonNode openApi) {
        if (!openApi.isObject()) {
            return openApi;
        }
        if (openApi.path(PRUNED).asBoolean()) {
            ObjectNode forbidden = JsonNodeFactory.instance.objectNode();
            forbidden.putObject("not");
            return forbidden;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        openApi.fields().forEachRemaining(field -> {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            switch (keyword) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), toJsonSchema(p.getValue())));
                }
                case "items", "not" -> out.set(keyword, toJsonSchema(value));
                case "additionalProperties" -> out.set(keyword, value.isObject() ? toJsonSchema(value) : value);
                case "anyOf", "allOf", "oneOf" -> {
                    ArrayNode list = out.putArray(keyword);
                    value.forEach(s -> list.add(toJsonSchema(s)));
                }
                default -> {
                    if (KEPT.contains(keyword)) {
                        out.set(keyword, value);
                    }
                }
            }
        });
        if (openApi.path("x-kubernetes-int-or-string").asBoolean() && !out.has("anyOf")) {
            out.remove("type");
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        boolean object = "object".equals(openApi.path("type").asText()) || openApi.has("properties");
        boolean preserve = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (object && !preserve && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
