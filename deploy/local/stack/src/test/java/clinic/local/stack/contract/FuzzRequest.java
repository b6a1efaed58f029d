package clinic.local.stack.contract;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request for one operation made from its document: valid parameters and body from
 * {@link SchemaValues}, then one {@link Mutation} applied. When the mutation has nothing to work
 * on in this operation (no body to leave a field out of), the request stays valid and says so.
 */
final class FuzzRequest {

    /** The demo users of the local stack (password = name) and their roles; screening also knows booking's account. */
    private static final Map<String, String> PEOPLE = Map.of("frontdesk", "front-desk", "clinician", "clinician",
            "admin", "admin");
    private static final Map<String, String> WITH_BOOKING = Map.of("frontdesk", "front-desk", "clinician", "clinician",
            "admin", "admin", "booking-service", "service");
    private static final String[] CONTROL = { "\u0000", "\u001b", "\u007f", "\u0085", "\u0007" };
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final ApiOperation operation;
    final Mutation mutation;
    final String description;
    final HttpRequest request;
    /** The parameter given a value its type cannot hold (BAD_PARAMETER), which the refusal must name. */
    final String badParameter;

    private FuzzRequest(ApiOperation operation, Mutation mutation, String description, HttpRequest request, String badParameter) {
        this.operation = operation;
        this.mutation = mutation;
        this.description = description;
        this.request = request;
        this.badParameter = badParameter;
    }

    static FuzzRequest make(String baseUrl, ApiOperation operation, Mutation wanted, Random random) {
        return new Builder(operation, random).build(baseUrl, wanted);
    }

    private static final class Builder {
        private final ApiOperation operation;
        private final Random random;
        private final SchemaValues values;
        private final Map<String, String> path = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonNode body;
        private String rawBody;
        private String user;
        private String badParameter;
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> users;

        Builder(ApiOperation operation, Random random) {
            this.users = "screening-service".equals(operation.service()) ? WITH_BOOKING : PEOPLE;
            this.operation = operation;
            this.random = random;
            this.values = new SchemaValues(operation.document(), random);
        }

        FuzzRequest build(String baseUrl, Mutation wanted) {
            for (JsonNode p : operation.parameters("path")) {
                path.put(p.get("name").asText(), text(values.valueOf(p.path("schema"))));
            }
            for (JsonNode p : operation.parameters("query")) {
                if (p.path("required").asBoolean(false) || random.nextBoolean()) {
                    query.put(p.get("name").asText(), text(values.valueOf(p.path("schema"))));
                }
            }
            for (JsonNode p : operation.parameters("header")) {
                if (p.path("required").asBoolean(false) || random.nextBoolean()) {
                    // header values stay visible ASCII: what the text generator makes may not be
                    headers.put(p.get("name").asText(), "fuzz-" + Long.toHexString(random.nextLong()));
                }
            }
            JsonNode bodySchema = operation.jsonBody();
            if (bodySchema != null && (operation.bodyRequired() || random.nextBoolean())) {
                body = values.valueOf(bodySchema);
            }
            Set<String> roles = operation.roles();
            // a secured operation that names no role takes any signed-in user
            List<String> allowed = users.keySet().stream().sorted()
                    .filter(u -> roles.contains(users.get(u)) || (operation.secured() && roles.isEmpty())).toList();
            user = allowed.isEmpty() ? null : allowed.get(random.nextInt(allowed.size()));
            Mutation applied = apply(wanted, bodySchema) ? wanted : Mutation.VALID;

            StringBuilder address = new StringBuilder(baseUrl);
            String template = operation.path();
            for (Map.Entry<String, String> p : path.entrySet()) {
                template = template.replace("{" + p.getKey() + "}", encode(p.getValue()));
            }
            address.append(template);
            String separator = "?";
            for (Map.Entry<String, String> q : query.entrySet()) {
                address.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                separator = "&";
            }
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(address.toString()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", accept());
            headers.forEach(http::header);
            if (user != null) {
                http.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            String payload = rawBody != null ? rawBody : body != null ? body.toString() : null;
            boolean form = operation.operation().path("requestBody").path("content").has("application/x-www-form-urlencoded");
            if (payload != null) {
                http.header("Content-Type", "application/json");
                http.method(operation.method(), HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            } else if (form) {
                http.header("Content-Type", "application/x-www-form-urlencoded");
                http.method(operation.method(), HttpRequest.BodyPublishers.ofString("token=" + encode(
                        query.getOrDefault("token", "fuzz")), StandardCharsets.UTF_8));
            } else {
                http.method(operation.method(), HttpRequest.BodyPublishers.noBody());
            }
            String said = applied + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
                    + " as " + (user == null ? "nobody" : user) + ": " + operation.method() + " " + address
                    + (payload == null ? "" : " body " + abbreviate(payload));
            return new FuzzRequest(operation, applied, said, http.build(), badParameter);
        }

        /**
         * What the operation answers with, and problems; a page for people gets any type, as a mail
         * client asks (naming text/html would ask for its errors as HTML pages too, which it documents).
         */
        private String accept() {
            String types = operation.successMediaTypes();
            return types.contains("text/html") ? "*/*" : types + ", application/problem+json";
        }

        /** Applies the mutation when this operation has something for it; false when it does not. */
        private boolean apply(Mutation wanted, JsonNode bodySchema) {
            ObjectNode bodyFlat = bodySchema == null ? null : Schemas.flatten(operation.document(), bodySchema);
            boolean objectBody = body != null && body.isObject() && bodyFlat != null;
            switch (wanted) {
                case VALID:
                    return true;
                case NO_CREDENTIALS:
                    if (!operation.secured()) {
                        return false;
                    }
                    user = null;
                    return true;
                case WRONG_ROLE: {
                    List<String> others = users.keySet().stream().sorted()
                            .filter(u -> !operation.roles().contains(users.get(u))).toList();
                    if (!operation.secured() || operation.roles().isEmpty() || others.isEmpty()) {
                        return false;
                    }
                    user = others.get(random.nextInt(others.size()));
                    return true;
                }
                case BAD_PARAMETER: {
                    List<JsonNode> typed = new ArrayList<>();
                    for (String in : List.of("path", "query")) {
                        for (JsonNode p : operation.parameters(in)) {
                            ObjectNode flat = Schemas.flatten(operation.document(), p.path("schema"));
                            if (flat.has("format") || flat.has("enum") || Set.of("integer", "number", "boolean")
                                    .contains(Schemas.type(flat))) {
                                typed.add(p);
                            }
                        }
                    }
                    if (typed.isEmpty()) {
                        return false;
                    }
                    JsonNode p = typed.get(random.nextInt(typed.size()));
                    String bad = List.of("not-a-value", "12x", "2026-13-45", "%", "-").get(random.nextInt(5));
                    badParameter = p.get("name").asText();
                    (p.path("in").asText().equals("path") ? path : query).put(badParameter, bad);
                    notes.add(badParameter + "=" + bad);
                    return true;
                }
                case CONTROL_CHARACTER: {
                    String control = CONTROL[random.nextInt(CONTROL.length)];
                    List<String> textFields = objectBody ? fields(bodyFlat, "string", false) : List.of();
                    List<JsonNode> textParams = new ArrayList<>();
                    operation.parameters("query").forEach(p -> {
                        if ("string".equals(Schemas.type(Schemas.flatten(operation.document(), p.path("schema"))))) {
                            textParams.add(p);
                        }
                    });
                    if (!textFields.isEmpty() && (textParams.isEmpty() || random.nextBoolean())) {
                        String field = textFields.get(random.nextInt(textFields.size()));
                        ((ObjectNode) body).put(field, "Ka" + control + "sia");
                        notes.add(field + " holds U+" + String.format("%04X", (int) control.charAt(0)));
                        return true;
                    }
                    if (textParams.isEmpty()) {
                        return false;
                    }
                    String name = textParams.get(random.nextInt(textParams.size())).get("name").asText();
                    query.put(name, "Ka" + control + "sia");
                    notes.add(name + " holds U+" + String.format("%04X", (int) control.charAt(0)));
                    return true;
                }
                case OVERLONG: {
                    List<String> limited = objectBody ? fields(bodyFlat, "string", true) : List.of();
                    if (!limited.isEmpty() && random.nextBoolean()) {
                        String field = limited.get(random.nextInt(limited.size()));
                        int max = Schemas.flatten(operation.document(), bodyFlat.get("properties").get(field))
                                .get("maxLength").asInt();
                        ((ObjectNode) body).put(field, "K" + "a".repeat(max + random.nextInt(50)));
                        notes.add(field + " longer than " + max);
                        return true;
                    }
                    // over the configured 4096 bytes, up to well past the HTTP/2 header list's default 8 KB
                    query.put("fuzz", "a".repeat(4100 + random.nextInt(12_000)));
                    notes.add("request line over 4096 bytes");
                    return true;
                }
                case MISSING_REQUIRED: {
                    List<String> required = new ArrayList<>();
                    if (objectBody) {
                        bodyFlat.path("required").forEach(r -> required.add(r.asText()));
                    }
                    if (!required.isEmpty() && random.nextBoolean()) {
                        String field = required.get(random.nextInt(required.size()));
                        ((ObjectNode) body).remove(field);
                        notes.add("without " + field);
                        return true;
                    }
                    List<String> requiredQuery = operation.parameters("query").stream()
                            .filter(p -> p.path("required").asBoolean(false)).map(p -> p.get("name").asText()).toList();
                    if (!requiredQuery.isEmpty()) {
                        String name = requiredQuery.get(random.nextInt(requiredQuery.size()));
                        query.remove(name);
                        notes.add("without " + name);
                        return true;
                    }
                    if (bodySchema != null && operation.bodyRequired()) {
                        body = null;
                        notes.add("without a body");
                        return true;
                    }
                    return false;
                }
                case UNKNOWN_FIELD:
                    if (!objectBody || !bodyFlat.path("additionalProperties").isBoolean()
                            || bodyFlat.get("additionalProperties").asBoolean()) {
                        return false;
                    }
                    ((ObjectNode) body).put("fuzzUnknown" + random.nextInt(100), random.nextInt(1000));
                    return true;
                case WRONG_TYPE: {
                    if (bodySchema == null) {
                        return false;
                    }
                    List<String> fields = objectBody ? fields(bodyFlat, null, false) : List.of();
                    if (fields.isEmpty() || random.nextInt(4) == 0) {
                        body = objectBody || body == null ? JSON.arrayNode().add(1) : JSON.objectNode().put("x", 1);
                        notes.add("the body of another type");
                        return true;
                    }
                    String field = fields.get(random.nextInt(fields.size()));
                    String type = Schemas.type(Schemas.flatten(operation.document(), bodyFlat.get("properties").get(field)));
                    ((ObjectNode) body).set(field, switch (type) {
                        case "string" -> JSON.objectNode().put("text", "x");
                        case "object", "array" -> JSON.textNode("x");
                        default -> JSON.textNode("x" + random.nextInt(10));
                    });
                    notes.add(field + " not a " + type);
                    return true;
                }
                case MALFORMED_JSON:
                    if (bodySchema == null) {
                        return false;
                    }
                    rawBody = List.of("{\"a\":", "{'single': 'quotes'}", "[1,,2]", "nul", "{\"x\":1}}").get(random.nextInt(5));
                    notes.add("not JSON");
                    return true;
                default:
                    return false;
            }
        }

        /** The body's top-level fields of the type (any known type when null); only length-limited ones if asked. */
        private List<String> fields(ObjectNode bodyFlat, String type, boolean limited) {
            List<String> names = new ArrayList<>();
            bodyFlat.path("properties").fields().forEachRemaining(property -> {
                ObjectNode flat = Schemas.flatten(operation.document(), property.getValue());
                String t = Schemas.type(flat);
                boolean typeFits = type == null ? !t.isEmpty() : t.equals(type) && !flat.has("enum") && !flat.has("format");
                if (typeFits && (!limited || flat.has("maxLength"))) {
                    names.add(property.getKey());
                }
            });
            return names;
        }
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }
}
