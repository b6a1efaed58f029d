package clinic.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The objects of one rendered kustomization (or one YAML file), with typed access. */
record Manifests(String source, List<JsonNode> objects) {

    static final YAMLMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** Renders {@code dir} (relative to deploy/k8s) with kustomize. */
    static Manifests render(String dir) {
        return parse(dir, Kustomize.render(dir));
    }

    /** Reads a plain manifest file (relative to deploy/k8s), such as the secret templates. */
    static Manifests file(String file) {
        try {
            return parse(file, Files.readString(Kustomize.K8S_DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests parse(String source, String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = documents.readAll().stream()
                    .filter(n -> n != null && n.isObject() && !n.isEmpty())
                    .toList();
            return new Manifests(source, objects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YAML of " + source, e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(source + " has no " + kind + " " + name));
    }

    /** All objects of {@code kind} parsed strictly into {@code model}. */
    <T> List<T> typed(String kind, Class<T> model) {
        return ofKind(kind).stream().map(o -> StrictModels.parse(o, model)).toList();
    }

    <T> T typed(String kind, String name, Class<T> model) {
        return StrictModels.parse(get(kind, name), model);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
