package clinic.local.stack;

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

    /** Kept in step with JAVA_OPTS_APPEND in each service's src/main/docker/Dockerfile.jvm. */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m");

    private ServiceJvm() {
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
