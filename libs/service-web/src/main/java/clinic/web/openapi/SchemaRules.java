package clinic.web.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * What the shared input and output handling makes true of every schema: a request body refuses
 * fields it does not define (clinic.web.input's strict JSON), and a response always carries each
 * property that is not marked nullable (Jackson writes every property of a record).
 */
final class SchemaRules {

    private static final String REF = "#/components/schemas/";
    /** The problem schemas ErrorResponses writes: their members are optional by RFC 9457, whatever their types. */
    private static final Set<String> OWN = Set.of("Problem", "FieldError");

    private SchemaRules() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (openAPI.getPaths() == null || components.getSchemas() == null) {
            return;
        }
        Set<String> requestSchemas = new HashSet<>();
        Set<String> responseSchemas = new HashSet<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> collectRefs(m.getSchema(), components, requestSchemas));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(r -> r.getContent() != null)
                            .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                            .forEach(m -> collectRefs(m.getSchema(), components, responseSchemas));
                }
            }
        }
        for (String name : requestSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && isObject(schema) && schema.getAdditionalPropertiesSchema() == null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        }
        for (String name : responseSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && !requestSchemas.contains(name) && !OWN.contains(name) && isObject(schema)
                    && schema.getProperties() != null) {
                List<String> required = new ArrayList<>();
                schema.getProperties().forEach((property, s) -> {
                    if (!nullable(s)) {
                        required.add(property);
                    }
                });
                schema.setRequired(required.isEmpty() ? null : required);
            }
        }
    }

    private static boolean isObject(Schema schema) {
        return schema.getType() != null && schema.getType().contains(SchemaType.OBJECT);
    }

    private static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null && alternatives.stream().anyMatch(SchemaRules::nullable)) {
                return true;
            }
        }
        return false;
    }

    /** The component schemas a schema refers to, directly or through others. */
    private static void collectRefs(Schema schema, Components components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(REF)) {
            String name = schema.getRef().substring(REF.length());
            if (names.add(name) && components.getSchemas().get(name) != null) {
                collectRefs(components.getSchemas().get(name), components, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> collectRefs(s, components, names));
        }
        collectRefs(schema.getItems(), components, names);
        collectRefs(schema.getAdditionalPropertiesSchema(), components, names);
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> collectRefs(s, components, names));
            }
        }
    }
}
