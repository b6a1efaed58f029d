package clinic.local.stack.contract;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads an OpenAPI document (YAML or JSON) into a tree. */
final class ApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ApiDocument() {
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
