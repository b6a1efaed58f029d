package clinic.local.infra;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak, the clinic's identity provider for the local stack, in its own JVM (Java 21 or
 * newer, found by {@link JavaRuntimes}). It listens on localhost only, imports the given realm at
 * every start into an in-memory database, and has the bootstrap administrator admin / admin.
 *
 * <p>Each server has a home of its own (configuration, realm file, data) whose program files link
 * to the distribution that {@link KeycloakDistribution} built once.
 */
public final class KeycloakServer implements AutoCloseable {

    static final int JAVA_FEATURE = 21;
    private final int port;
    private final ServerProcess process;

    private KeycloakServer(int port, ServerProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak on {@code port} with its home in {@code home} and waits until the realm
     * {@code realmName} (from {@code realmJson}) answers.
     */
    public static KeycloakServer start(Path home, int port, String realmName, String realmJson) throws IOException {
        Path javaHome = JavaRuntimes.atLeast(JAVA_FEATURE);
        Path distribution = KeycloakDistribution.prepared(javaHome);
        layOutHome(home, distribution);
        Files.writeString(home.resolve("data/import/" + realmName + "-realm.json"), realmJson);
        Path log = home.resolve("keycloak.log");
        List<String> command = List.of("env", "JAVA_HOME=" + javaHome,
                "KC_BOOTSTRAP_ADMIN_USERNAME=admin", "KC_BOOTSTRAP_ADMIN_PASSWORD=admin",
                // the default heap takes 70% of the machine's memory; a local realm needs far less
                "JAVA_OPTS_KC_HEAP=-Xms64m -Xmx512m",
                home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // browsers and services both use this address, so tokens' issuer is always the same
                "--hostname=http://localhost:" + port, "--import-realm");
        ServerProcess process = ServerProcess.supervised("Keycloak", "TERM", command, log, false);
        KeycloakServer server = new KeycloakServer(port, process);
        try {
            server.awaitRealm(realmName, Duration.ofMinutes(6));
        } catch (IOException e) {
            process.close();
            throw e;
        }
        return server;
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }

    /** bin and conf copied (they are small and the start script finds its home from its own place), the rest linked. */
    private static void layOutHome(Path home, Path distribution) throws IOException {
        Files.createDirectories(home.resolve("data/import"));
        for (String dir : List.of("bin", "conf")) {
            copyTree(distribution.resolve(dir), home.resolve(dir));
        }
        for (String dir : List.of("lib", "providers", "themes")) {
            Path link = home.resolve(dir);
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, distribution.resolve(dir));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private void awaitRealm(String realm, Duration timeout) throws IOException {
        URI discovery = URI.create(url() + "/realms/" + realm + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + "; its log ends with:\n"
                        + process.logTail());
            }
            if (answers(discovery)) {
                return;
            }
            ServerProcess.pause();
        }
        throw new IOException("Keycloak's realm " + realm + " did not answer within " + timeout + "; its log ends with:\n"
                + process.logTail());
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }
}
