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

    /** The JDK the services run on: the system property clinic.service.java-home, else the one running this. */
    static final Path JAVA_HOME = Path.of(System.getProperty("clinic.service.java-home", System.getProperty("java.home")));

    /** The first JDK whose ahead-of-time cache (JEP 483, 514, 515) a training run can write on exit. */
    private static final int AOT_CACHE_JDK = 25;

    /** The ahead-of-time cache of a service, next to its quarkus-run.jar; a build removes it. */
    static final String AOT_CACHE = "app.aot";

    private static final int FEATURE_VERSION = readFeatureVersion();

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

    /** The java launcher of {@link #JAVA_HOME}. */
    static Path java() {
        return JAVA_HOME.resolve("bin").resolve("java");
    }

    /** Whether the services' JDK can write and use an ahead-of-time cache (JDK 25 or newer). */
    static boolean supportsAotCache() {
        return FEATURE_VERSION >= AOT_CACHE_JDK;
    }

    /** The services' JDK's feature version (25 for 25.0.3), or 0 when unknown. */
    static int featureVersion() {
        return FEATURE_VERSION;
    }

    /** From the JDK's release file (JAVA_VERSION="25.0.3"). */
    private static int readFeatureVersion() {
        try {
            for (String line : Files.readAllLines(JAVA_HOME.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Runtime.Version.parse(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'))).feature();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no readable release file: only the JDK running this can be asked
        }
        return JAVA_HOME.equals(Path.of(System.getProperty("java.home"))) ? Runtime.version().feature() : 0;
    }

    /**
     * The options for the packaged application {@code quarkus-run.jar}. On JDK 25 or newer: with its
     * ahead-of-time cache when a training run wrote one, or, when {@code recordAotCache}, writing that
     * cache when the service stops (the training run). Otherwise with the class data archive the build
     * made, where it made one (AppCDS, for the build's JDK).
     */
    static List<String> options(Path app, boolean recordAotCache) {
        List<String> options = new ArrayList<>(OPTIONS);
        Path aotCache = app.resolveSibling(AOT_CACHE);
        Path archive = app.resolveSibling("app-cds.jsa");
        if (recordAotCache) {
            if (!supportsAotCache()) {
                throw new IllegalStateException(JAVA_HOME + " cannot write an ahead-of-time cache: JDK " + AOT_CACHE_JDK
                        + " or newer is needed");
            }
            options.add("-XX:AOTCacheOutput=" + aotCache);
        } else if (supportsAotCache() && Files.isRegularFile(aotCache)) {
            options.add("-XX:AOTCache=" + aotCache);
        } else if (Files.isRegularFile(archive)) {
            // written by the build's JDK: another JVM only warns that it cannot use it, and starts without
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }
}
