package clinic.local.stack.contract;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of the three served OpenAPI documents with generated requests, valid
 * and invalid ({@link Mutation}), against the running clinic, and holds each answer to the
 * document: never a 5xx; an invalid request is refused with a 4xx (401 without credentials, 403
 * for a role the operation does not allow); every error is application/problem+json with a type
 * and its own status; the status is one the operation documents and the body matches the schema
 * documented for it. Each run draws its operations, mutations and values from one seed, which it
 * prints; replay a run with {@code -Dcontract.drive.seed=<seed>}. The number of tries is fixed so
 * that the drive takes about a minute. (Written with JUnit and a seeded Random rather than a
 * property-testing library: the generators are the schema-driven ones in this package, and the
 * library's authors ask that coding agents not use it.)
 */
class OperationsDriveTest {

    private static final int TRIES = 700;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static List<ApiOperation> operations;

    @BeforeAll
    static void readTheDocuments() {
        operations = new ArrayList<>();
        for (String service : ContractClinic.SERVICES) {
            operations.addAll(ApiOperation.of(service, ApiDocument.parse(ContractClinic.servedJson(service))));
        }
    }

    @Test
    void everyAnswerIsTheDocumentedOne() throws Exception {
        long seed = Long.getLong("contract.drive.seed", new Random().nextLong());
        System.out.println("Contract drive: seed " + seed + " (replay with -Dcontract.drive.seed=" + seed + ")");
        Random random = new Random(seed);
        Mutation[] mutations = Mutation.values();
        for (int i = 0; i < TRIES; i++) {
            ApiOperation operation = operations.get(random.nextInt(operations.size()));
            Mutation mutation = mutations[random.nextInt(mutations.length)];
            try {
                drive(operation, mutation, random.nextLong());
            } catch (AssertionError failed) {
                throw new AssertionError("try " + (i + 1) + " of the run with seed " + seed + ": " + failed.getMessage(), failed);
            }
        }
    }

    private static void drive(ApiOperation operation, Mutation mutation, long seed) throws Exception {
        FuzzRequest request = FuzzRequest.make(ContractClinic.baseUrl(operation.service()), operation, mutation,
                new Random(seed));
        HttpResponse<InputStream> answer = HTTP.send(request.request, HttpResponse.BodyHandlers.ofInputStream());
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String body;
        try (InputStream stream = answer.body()) {
            // a live event stream never ends: its status and type are what can be checked
            body = type.startsWith("text/event-stream") ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        String said = request.description + "\n  answered " + status + " " + type + " " + abbreviate(body);

        check(status < 500, "a 5xx", said);
        switch (request.mutation) {
            case VALID -> {
            }
            case NO_CREDENTIALS -> check(status == 401, "not 401 without credentials", said);
            case WRONG_ROLE -> check(status == 403, "not 403 for a role the operation does not allow", said);
            case BAD_PARAMETER -> check(status == 400 && body.contains("\"field\":\"" + request.badParameter + "\""),
                    "not a 400 naming " + request.badParameter + " for a value of the wrong type", said);
            default -> check(status >= 400 && status < 500, "invalid input accepted", said);
        }
        JsonNode documented = operation.response(status);
        check(documented != null, "status " + status + " is not documented (documented: " + operation.statuses() + ")", said);
        if (status >= 400) {
            check(type.startsWith("application/problem+json"), "an error that is not application/problem+json", said);
            JsonNode problem = JSON.readTree(body);
            check(problem.path("type").isTextual(), "a problem without a type", said);
            check(problem.path("status").asInt() == status, "a problem whose status is not the answer's", said);
        }
        String mediaType = type.split(";")[0].trim();
        JsonNode schema = documented.path("content").path(mediaType).path("schema");
        if (!documented.path("content").isMissingNode() && !body.isEmpty()) {
            check(documented.path("content").has(mediaType), "media type " + mediaType + " is not documented for " + status,
                    said);
        }
        if (!schema.isMissingNode() && mediaType.contains("json") && !body.isEmpty()) {
            Set<ValidationMessage> violations = DocumentedAnswers.violations(operation.document(), schema, JSON.readTree(body));
            check(violations.isEmpty(), "the body does not match the documented schema: " + violations, said);
        }
    }

    private static void check(boolean holds, String what, String said) {
        if (!holds) {
            throw new AssertionError(what + "\n  " + said);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
