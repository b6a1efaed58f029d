package clinic.local.stack.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a served OpenAPI document, with the document it belongs to. */
record ApiOperation(String service, String method, String path, JsonNode operation, JsonNode document) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /**
     * Every API operation of the service's served document: not a browser navigation answered only
     * by a redirect (booking's /sign-in, which hands the browser to the identity provider).
     */
    static List<ApiOperation> of(String service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            boolean answers = false;
            for (Iterator<String> codes = op.getValue().path("responses").fieldNames(); codes.hasNext();) {
                answers |= codes.next().startsWith("2");
            }
            if (METHODS.contains(op.getKey()) && answers) {
                operations.add(new ApiOperation(service, op.getKey().toUpperCase(), path.getKey(), op.getValue(), document));
            }
        }));
        return operations;
    }

    /** The media types of its success answers, as an Accept header lists them. */
    String successMediaTypes() {
        List<String> types = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("2")) {
                Schemas.resolve(document, r.getValue()).path("content").fieldNames().forEachRemaining(t -> {
                    if (!types.contains(t) && !t.equals("application/problem+json")) {
                        types.add(t);
                    }
                });
            }
        });
        return types.isEmpty() ? "application/json" : String.join(", ", types);
    }

    /** The roles that may call it; empty when it needs no sign-in or any signed-in user. */
    Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        operation.path("security").forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        return roles;
    }

    boolean secured() {
        return operation.path("security").size() > 0;
    }

    List<JsonNode> parameters(String in) {
        List<JsonNode> found = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            JsonNode parameter = Schemas.resolve(document, p);
            if (in.equals(parameter.path("in").asText())) {
                found.add(parameter);
            }
        });
        return found;
    }

    /** The JSON request body's schema, or null when it takes no JSON body. */
    JsonNode jsonBody() {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    boolean bodyRequired() {
        return operation.path("requestBody").path("required").asBoolean(false);
    }

    /** The documented answer for the status, or null when the document does not name it. */
    JsonNode response(int status) {
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        return response.isMissingNode() ? null : Schemas.resolve(document, response);
    }

    List<String> statuses() {
        List<String> statuses = new ArrayList<>();
        for (Iterator<String> it = operation.path("responses").fieldNames(); it.hasNext();) {
            statuses.add(it.next());
        }
        return statuses;
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }
}
