package clinic.web.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error responses of an operation: the ones every operation shares (as references to
 * {@code components/responses}) and, for every 4xx and 5xx, an {@code application/problem+json}
 * body whose {@code status} is that status and whose {@code type} lists the kinds when they are
 * all known: the kinds the operation names through {@link ProblemDocs#TYPES}, or the shared ones
 * when the operation says nothing of its own about that status. Otherwise {@code type} is any
 * clinic problem kind, which is what a forwarded error from another service can be.
 */
final class ErrorResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PREFIX = "urn:clinic:problem:";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    /** A shared error: its status, its component name, what it means, its one kind. */
    private record Shared(String status, String name, String description, String kind) {

        /** Its kinds, in the order named (the document lists them so). */
        Set<String> kinds() {
            return new LinkedHashSet<>(List.of(kind.split(" ")));
        }
    }

    private static final Shared INVALID_PARAMETERS = new Shared("400", "InvalidParameters",
            "Invalid input: a parameter is missing, malformed, of the wrong type, too long or holds a control character "
                    + "(errors[] names each)", "invalid-request");
    private static final Shared UNAUTHENTICATED = new Shared("401", "Unauthenticated", "Not signed in", "unauthenticated");
    private static final Shared FORBIDDEN = new Shared("403", "Forbidden", "The signed-in user's role may not use this operation",
            "forbidden");
    private static final Shared NOT_FOUND = new Shared("404", "NotFound", "Nothing with the id in the path", "not-found");
    private static final Shared NOT_ACCEPTABLE = new Shared("406", "NotAcceptable",
            "The Accept header names no media type this operation answers with", "http-406");
    private static final Shared BODY_TOO_LARGE = new Shared("413", "BodyTooLarge",
            "Body larger than quarkus.http.limits.max-body-size (1M)", "body-too-large");
    private static final Shared IDEMPOTENCY_KEY_REUSED = new Shared("422", "IdempotencyKeyReused",
            "This Idempotency-Key was already used for a different request", "idempotency-key-reused");
    private static final Shared URI_TOO_LONG = new Shared("414", "UriTooLong",
            "Request line longer than quarkus.http.limits.max-initial-line-length (4096 bytes)", "uri-too-long");
    private static final Shared UNSUPPORTED_MEDIA_TYPE = new Shared("415", "UnsupportedMediaType",
            "Body sent with a Content-Type this operation does not read", "http-415");
    private static final Shared HEADERS_TOO_LARGE = new Shared("431", "HeadersTooLarge",
            "Header fields larger than quarkus.http.limits.max-header-size (20K)", "headers-too-large");
    private static final Shared DATABASE_UNAVAILABLE = new Shared("503", "DatabaseUnavailable",
            "The service cannot reach its database; nothing was changed; retry after Retry-After seconds",
            "database-unavailable");
    private static final List<Shared> ALL = List.of(INVALID_PARAMETERS, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
            NOT_ACCEPTABLE, BODY_TOO_LARGE, IDEMPOTENCY_KEY_REUSED, URI_TOO_LONG, UNSUPPORTED_MEDIA_TYPE,
            HEADERS_TOO_LARGE, DATABASE_UNAVAILABLE);

    /** The 400 of an operation with a body: its kinds when the operation names none of its own. */
    private static final List<String> BODY_KINDS = List.of("invalid-request", "malformed-json");

    private ErrorResponses() {
    }

    /** Removes the shared responses that no operation of this document refers to. */
    static void dropUnused(Components components, Set<String> used) {
        for (Shared shared : ALL) {
            if (!used.contains(RESPONSES + shared.name()) && components.getResponses() != null
                    && components.getResponses().containsKey(shared.name())) {
                components.removeResponse(shared.name());
            }
        }
    }

    /** Adds the shared problem schemas and responses to the document's components. */
    static void addComponents(Components components) {
        components.addSchema("FieldError", fieldError());
        components.addSchema("Problem", problem());
        for (Shared shared : ALL) {
            APIResponse response = OASFactory.createAPIResponse().description(shared.description());
            response.setContent(problemContent(Integer.parseInt(shared.status()), shared.kinds(), null));
            if ("503".equals(shared.status())) {
                retryAfter(response);
            }
            components.addResponse(shared.name(), response);
        }
    }

    /** Completes the error responses of one operation. */
    static void complete(Operation operation, boolean secured, boolean html) {
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> given = operation.getResponses().getAPIResponses();
        Map<String, APIResponse> responses = new TreeMap<>(given == null ? Map.of() : given);
        List<Shared> shared = new ArrayList<>();
        if (parameters && !body) {
            shared.add(INVALID_PARAMETERS);
        }
        if (secured) {
            shared.add(UNAUTHENTICATED);
            shared.add(FORBIDDEN);
        }
        if (parameters && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            shared.add(NOT_FOUND);
        }
        shared.add(NOT_ACCEPTABLE);
        if (parameters && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName()))) {
            shared.add(IDEMPOTENCY_KEY_REUSED);
        }
        if (body) {
            shared.add(BODY_TOO_LARGE);
            shared.add(UNSUPPORTED_MEDIA_TYPE);
        }
        shared.add(URI_TOO_LONG);
        shared.add(HEADERS_TOO_LARGE);
        shared.add(DATABASE_UNAVAILABLE);
        for (Shared s : shared) {
            APIResponse own = responses.get(s.status());
            if (own == null || isDefault(own)) {
                responses.put(s.status(), OASFactory.createAPIResponse().ref(RESPONSES + s.name()));
            } else if (kinds(own) != null) {
                addKinds(own, s.kinds());
            }
        }
        if (body && !responses.containsKey("400")) {
            APIResponse invalid = OASFactory.createAPIResponse()
                    .description("Invalid input: a field or parameter is missing, malformed, of the wrong type, too long, "
                            + "unknown or holds a control character (errors[] names each), or the body is not JSON");
            invalid.addExtension(ProblemDocs.TYPES, String.join(" ", BODY_KINDS));
            responses.put("400", invalid);
        }
        for (Map.Entry<String, APIResponse> entry : responses.entrySet()) {
            APIResponse response = entry.getValue();
            int status = Integer.parseInt(entry.getKey());
            if (status >= 400 && response.getRef() == null) {
                Set<String> kinds = kinds(response);
                Schema extra = response.getContent() != null && response.getContent().getMediaType(PROBLEM_JSON) != null
                        ? response.getContent().getMediaType(PROBLEM_JSON).getSchema() : null;
                Content content = problemContent(status, kinds == null ? Set.of() : kinds, extra);
                if (html) {
                    content.addMediaType("text/html", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
                }
                response.setContent(content);
                if (response.getExtensions() != null) {
                    response.removeExtension(ProblemDocs.TYPES);
                }
                if (status == 503) {
                    retryAfter(response);
                }
            }
        }
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(responses));
    }

    /** Quarkus's own placeholders for the statuses its security and validation add. */
    private static boolean isDefault(APIResponse response) {
        return response.getDescription() == null || response.getDescription().isBlank()
                || List.of("Bad Request", "Not Authorized", "Not Allowed").contains(response.getDescription());
    }

    /** The kinds an operation named for a response, or null when it named none. */
    private static Set<String> kinds(APIResponse response) {
        Object value = response.getExtensions() == null ? null : response.getExtensions().get(ProblemDocs.TYPES);
        if (value == null) {
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        Arrays.stream(value.toString().split("[\\s,]+")).filter(k -> !k.isBlank()).forEach(kinds::add);
        return kinds;
    }

    private static void addKinds(APIResponse response, Set<String> more) {
        Set<String> kinds = kinds(response);
        kinds.addAll(more);
        response.addExtension(ProblemDocs.TYPES, String.join(" ", kinds));
    }

    /** A problem body with this status, one of these kinds (any clinic kind when empty), and what the operation adds. */
    private static Content problemContent(int status, Set<String> kinds, Schema extra) {
        if (extra != null && extra.getAllOf() != null && !extra.getAllOf().isEmpty()
                && (SCHEMAS + "Problem").equals(extra.getAllOf().get(0).getRef())) {
            // made by an earlier pass of this filter (Quarkus may apply it at build time and again at start-up)
            return OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType().schema(extra));
        }
        Schema constraint = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).constValue(status));
        if (!kinds.isEmpty()) {
            Schema type = OASFactory.createSchema().addType(SchemaType.STRING);
            kinds.forEach(kind -> type.addEnumeration(PREFIX + kind));
            constraint.addProperty("type", type);
        }
        Schema schema = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(SCHEMAS + "Problem"));
        if (extra != null && !(SCHEMAS + "Problem").equals(extra.getRef())) {
            schema.addAllOf(extra);
        }
        schema.addAllOf(constraint);
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType().schema(schema));
    }

    private static void retryAfter(APIResponse response) {
        response.addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)));
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. type is stable per kind of error (urn:clinic:problem:<kind>); "
                        + "errors names each invalid field or parameter; some kinds add members of their own.")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .pattern("^urn:clinic:problem:[a-z0-9-]+$"))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + "FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid input: the field's JSON path or the parameter's name, and why")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING))
                .required(List.of("field", "message"))
                .additionalPropertiesBoolean(Boolean.FALSE);
    }
}
