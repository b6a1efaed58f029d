package clinic.local.stack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import clinic.local.infra.ServerProcess;

/** One of the three services, run from its packaged application in its own JVM. */
final class ClinicService implements AutoCloseable {

    private final String name;
    private final int port;
    private final ServerProcess process;

    private ClinicService(String name, int port, ServerProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <home>/<name>/target/quarkus-app/quarkus-run.jar} in the local profile with
     * the given configuration as system properties (which win over the environment).
     */
    static ClinicService start(Path home, String name, int port, Map<String, String> config, Path logDir) throws IOException {
        Path app = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IOException(app + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toString()));
        Files.createDirectories(logDir);
        // TERM lets Quarkus shut down gracefully: finish requests, close pools and consumers
        return new ClinicService(name, port, ServerProcess.supervised(name, "TERM", command, logDir.resolve(name + ".log"), false));
    }

    /** Waits until the service reports ready (its database and, where used, Kafka reachable). */
    void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped during start-up; its log ends with:\n" + process.logTail());
            }
            if (ready()) {
                return;
            }
            ServerProcess.pause();
        }
        throw new IOException(name + " was not ready within " + timeout + "; its log ends with:\n" + process.logTail());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL()
                    .openConnection();
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

    @Override
    public void close() {
        process.close();
    }
}
