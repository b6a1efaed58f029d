package clinic.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java installation of at least a given version on this machine, for a server that needs a
 * newer Java than the services' 17 (Keycloak needs 21).
 */
public final class JavaRuntimes {

    /** Names a Java home to use before any other. */
    public static final String OVERRIDE = "CLINIC_KEYCLOAK_JAVA_HOME";
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {
    }

    /**
     * The Java home to use: {@value #OVERRIDE} if set, else this JVM's, JAVA_HOME, or the newest
     * under /usr/lib/jvm, whichever first is at least {@code feature}.
     */
    public static Path atLeast(int feature) throws IOException {
        List<Path> candidates = new ArrayList<>();
        ExternalServers.get(OVERRIDE).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        ExternalServers.get("JAVA_HOME").map(Path::of).ifPresent(candidates::add);
        if (Files.isDirectory(JVM_DIR)) {
            try (Stream<Path> installed = Files.list(JVM_DIR)) {
                installed.filter(dir -> !Files.isSymbolicLink(dir))
                        .sorted(Comparator.comparingInt(JavaRuntimes::feature).reversed())
                        .forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            if (feature(home) >= feature && Files.isExecutable(home.resolve("bin/java"))) {
                return home;
            }
        }
        throw new IOException("Keycloak needs Java " + feature + " or newer and none was found (looked at " + candidates
                + "); install one (e.g. apt-get install openjdk-21-jre-headless) or set " + OVERRIDE + " to its home");
    }

    /** The feature version (17, 21, 25, ...) from the installation's {@code release} file; 0 when unknown. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException unreadable) {
            return 0;
        }
        return Optional.ofNullable(properties.getProperty("JAVA_VERSION")).map(v -> v.replace("\"", ""))
                .map(v -> v.split("[.+-]")[0]).filter(v -> v.matches("\\d+")).map(Integer::parseInt).orElse(0);
    }
}
