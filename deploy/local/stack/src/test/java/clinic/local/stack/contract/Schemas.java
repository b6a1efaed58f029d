package clinic.local.stack.contract;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading schemas of an OpenAPI 3.1 document: references, compositions, types. */
final class Schemas {

    private Schemas() {
    }

    /** The node a local reference ({@code #/components/...}) points to, followed until it is no reference. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("not a local reference: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The schema with its references resolved and an allOf merged into one object schema (shallow). */
    static ObjectNode flatten(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        ObjectNode flat = resolved.isObject() ? ((ObjectNode) resolved).deepCopy() : JsonNodeFactory.instance.objectNode();
        flat.remove("$ref");
        if (resolved.has("allOf")) {
            flat.remove("allOf");
            for (JsonNode part : resolved.get("allOf")) {
                ObjectNode partFlat = flatten(document, part);
                for (Iterator<Map.Entry<String, JsonNode>> it = partFlat.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getKey().equals("properties") && flat.has("properties")) {
                        ((ObjectNode) flat.get("properties")).setAll((ObjectNode) field.getValue());
                    } else if (field.getKey().equals("required") && flat.has("required")) {
                        ((ArrayNode) flat.get("required")).addAll((ArrayNode) field.getValue());
                    } else {
                        flat.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
        return flat;
    }

    /** The schema's one non-null type (string, integer, number, boolean, object, array), or "" when open. */
    static String type(JsonNode flat) {
        JsonNode type = flat.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        if (flat.has("properties")) {
            return "object";
        }
        return "";
    }

    static boolean nullable(JsonNode flat) {
        for (JsonNode t : flat.path("type")) {
            if ("null".equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
