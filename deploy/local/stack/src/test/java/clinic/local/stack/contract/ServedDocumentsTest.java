package clinic.local.stack.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import clinic.local.stack.ClinicStack;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/**
 * The committed documents under docs/openapi are what the services serve: a change to an API
 * without docs/openapi/regenerate fails here with the difference. Also what every document must
 * say of each operation (an operationId and a success answer), and that booking's copies of the
 * bodies it passes through (docs/openapi/borrow) are still the other services' schemas.
 */
class ServedDocumentsTest {

    @ParameterizedTest
    @ValueSource(strings = { ClinicStack.BOOKING, ClinicStack.SCREENING, ClinicStack.CONTENT })
    void theCommittedDocumentIsTheServedOne(String service) throws IOException {
        Path committed = ContractClinic.home().resolve("docs/openapi/" + service + ".yaml");
        List<String> expected = Files.readAllLines(committed);
        List<String> served = ContractClinic.servedDocument(service).lines().toList();
        if (!expected.equals(served)) {
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("docs/openapi/" + service + ".yaml",
                    "served /q/openapi", expected, DiffUtils.diff(expected, served), 3);
            fail(service + " serves another document than docs/openapi/" + service + ".yaml; run docs/openapi/regenerate"
                    + " and commit the result. Difference:\n" + String.join("\n", diff.subList(0, Math.min(diff.size(), 200))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { ClinicStack.BOOKING, ClinicStack.SCREENING, ClinicStack.CONTENT })
    void everyOperationHasAnIdAndASuccessAnswer(String service) {
        JsonNode document = ApiDocument.parse(ContractClinic.servedJson(service));
        List<String> wrong = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.hasNonNull("operationId")) {
                wrong.add(name + ": no operationId");
            } else if (ids.contains(operation.get("operationId").asText())) {
                wrong.add(name + ": operationId " + operation.get("operationId").asText() + " used twice");
            } else {
                ids.add(operation.get("operationId").asText());
            }
            boolean success = false;
            for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext();) {
                String code = codes.next();
                success |= code.startsWith("2") || code.startsWith("3");
            }
            if (!success) {
                wrong.add(name + ": no success response");
            }
            if (!operation.has("security")) {
                wrong.add(name + ": no security requirement (an empty list for a public page)");
            }
        }));
        assertTrue(wrong.isEmpty(), service + ":\n" + String.join("\n", wrong));
    }

    @org.junit.jupiter.api.Test
    void bookingsCopiesOfForwardedBodiesAreTheOtherServicesSchemas() {
        JsonNode booking = ApiDocument.parse(ContractClinic.servedJson(ClinicStack.BOOKING));
        Map<String, JsonNode> sources = Map.of(
                "Screening", ApiDocument.parse(ContractClinic.servedJson(ClinicStack.SCREENING)),
                "Content", ApiDocument.parse(ContractClinic.servedJson(ClinicStack.CONTENT)));
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = booking.path("components").path("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            for (Map.Entry<String, JsonNode> source : sources.entrySet()) {
                String prefix = source.getKey();
                if (schema.getKey().startsWith(prefix)) {
                    JsonNode original = source.getValue().path("components").path("schemas")
                            .path(schema.getKey().substring(prefix.length()));
                    if (!original.isMissingNode()) {
                        assertEquals(renamed(original.deepCopy(), prefix), schema.getValue(), "booking's " + schema.getKey()
                                + " is no longer " + prefix.toLowerCase() + "-service's schema: run docs/openapi/borrow, "
                                + "build and docs/openapi/regenerate");
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 10, "booking documents the bodies it passes through with copies; found " + compared);
    }

    /** The schema with its references renamed the way docs/openapi/borrow names the copies. */
    private static JsonNode renamed(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(field.getValue().asText()
                            .replace("#/components/schemas/", "#/components/schemas/" + prefix)));
                } else {
                    renamed(field.getValue(), prefix);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> renamed(item, prefix));
        }
        return node;
    }
}
