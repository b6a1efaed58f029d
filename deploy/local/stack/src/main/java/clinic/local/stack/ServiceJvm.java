package clinic.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM settings every service runs with here; the container images (Dockerfile.jvm) and the
 * Kubernetes manifests use the same, so what the local stack and the start-up measurement show is
 * what a pod does.
 */
final class ServiceJvm {

    /**
     * From service-jvm.options, which the Dockerfiles' JAVA_OPTS_APPEND must match (ContainerImagesTest);
     * the system property clinic.service.jvm-options replaces them, for trying others (measure-startup).
     */
    static final List<String> OPTIONS = System.getProperty("clinic.service.jvm-options") != null
            ? List.of(System.getProperty("clinic.service.jvm-options").trim().split("\\s+"))
            : read("/service-jvm.options");

    /** The environment variable MALLOC_ARENA_MAX of every service's JVM (ENV in the Dockerfiles too). */
    static final String MALLOC_ARENA_MAX = "2";

    private ServiceJvm() {
    }

    private static List<String> read(String resource) {
        try (InputStream in = ServiceJvm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the stack's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options for the packaged application {@code quarkus-run.jar}, with its class data archive when built. */
    static List<String> options(Path app) {
        List<String> options = new ArrayList<>(OPTIONS);
        Path archive = app.resolveSibling("app-cds.jsa");
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }
}
