package clinic.local.stack.contract;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an OpenAPI document (JSON) into a tree. */
final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocument() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
