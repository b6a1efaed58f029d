package clinic.local.stack.contract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a value that a schema of the served document accepts, from a seeded Random, so that a
 * property's one long reproduces it. Written here because none of the maintained JSON-schema
 * libraries on Maven Central generates values (they validate); the values are checked by one of
 * those (networknt) on the way back, not trusted. Patterns are not solved: where a schema has
 * one, the value may miss it, and such a request is only held to the weak checks of a valid one.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final JsonNode document;
    private final Random random;

    SchemaValues(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
    }

    JsonNode valueOf(JsonNode schema) {
        return valueOf(schema, 0);
    }

    private JsonNode valueOf(JsonNode schema, int depth) {
        ObjectNode flat = Schemas.flatten(document, schema);
        if (flat.has("const")) {
            return flat.get("const");
        }
        if (flat.has("enum") && flat.get("enum").size() > 0) {
            return flat.get("enum").get(random.nextInt(flat.get("enum").size()));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (flat.has(choice)) {
                List<JsonNode> options = new ArrayList<>();
                flat.get(choice).forEach(o -> {
                    if (!"null".equals(Schemas.resolve(document, o).path("type").asText())) {
                        options.add(o);
                    }
                });
                if (!options.isEmpty()) {
                    return valueOf(options.get(random.nextInt(options.size())), depth + 1);
                }
            }
        }
        return switch (Schemas.type(flat)) {
            case "string" -> JSON.textNode(string(flat));
            case "integer" -> JSON.numberNode(integer(flat));
            case "number" -> JSON.numberNode(integer(flat) + random.nextInt(100) / 100.0);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> array(flat, depth);
            case "object" -> object(flat, depth);
            default -> JSON.textNode("x");
        };
    }

    private ArrayNode array(ObjectNode flat, int depth) {
        ArrayNode array = JSON.arrayNode();
        int min = flat.path("minItems").asInt(0);
        int count = depth > 4 ? min : min + random.nextInt(3);
        for (int i = 0; i < count && flat.has("items"); i++) {
            array.add(valueOf(flat.get("items"), depth + 1));
        }
        return array;
    }

    private ObjectNode object(ObjectNode flat, int depth) {
        ObjectNode object = JSON.objectNode();
        List<String> required = new ArrayList<>();
        flat.path("required").forEach(r -> required.add(r.asText()));
        flat.path("properties").fields().forEachRemaining(property -> {
            if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(3) > 0)) {
                object.set(property.getKey(), valueOf(property.getValue(), depth + 1));
            }
        });
        return object;
    }

    private long integer(JsonNode flat) {
        long min = flat.has("minimum") ? flat.get("minimum").asLong() : 0;
        long max = flat.has("maximum") ? flat.get("maximum").asLong() : min + 200;
        return min + (long) Math.floor(random.nextDouble() * (max - min + 1));
    }

    private String string(JsonNode flat) {
        String format = flat.path("format").asText("");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(random.nextInt(120) - 30);
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> day.toString();
            case "date-time" -> OffsetDateTime.of(day, LocalTime.of(8 + random.nextInt(10), random.nextInt(4) * 15),
                    ZoneOffset.UTC).toString();
            case "local-time", "time" -> LocalTime.of(8 + random.nextInt(10), random.nextInt(4) * 15).toString();
            case "email" -> "fuzz" + random.nextInt(100000) + "@example.com";
            case "uri" -> "urn:clinic:fuzz:" + random.nextInt(1000);
            default -> text(flat);
        };
    }

    private String text(JsonNode flat) {
        int min = flat.path("minLength").asInt(1);
        int max = Math.max(min, Math.min(flat.path("maxLength").asInt(24), 24));
        int length = min + random.nextInt(max - min + 1);
        String letters = "abcdefghijklmnopqrstuvwxyz ĄąŁłÓóŻż-'";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        if (text.length() > 0) {
            text.setCharAt(0, 'K');
        }
        return text.toString();
    }
}
