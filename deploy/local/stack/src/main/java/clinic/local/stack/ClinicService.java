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

import clinic.local.infra.AfterTheCommit;
import clinic.local.infra.ServerProcess;

/**
 * One of the three services, run from its packaged application in its own JVM, and started
 * again if it stops on its own (crashes or is killed), as Kubernetes would restart its pod.
 */
final class ClinicService implements AutoCloseable {

    /** A service that dies this soon after starting, this many times in a row, is left stopped. */
    private static final Duration QUICK_CRASH = Duration.ofSeconds(30);
    private static final int QUICK_CRASHES_ALLOWED = 5;

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Path log;
    private ServerProcess process;
    private Instant startedAt;
    private int quickCrashes;
    private boolean closed;

    private ClinicService(String name, int port, int managementPort, List<String> command, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = command;
        this.log = log;
    }

    /**
     * Starts {@code <home>/<name>/target/quarkus-app/quarkus-run.jar} in the local profile with
     * the given configuration as system properties (which win over the environment), health and
     * metrics on the management port; {@code recordAotCache} makes this run the training run that writes
     * the service's ahead-of-time cache when it stops ({@link ServiceJvm#options}); {@code afterTheCommit}
     * runs it at a lower CPU priority ({@link AfterTheCommit}).
     */
    static ClinicService start(Path home, String name, int port, int managementPort, Map<String, String> config, Path logDir,
            boolean recordAotCache, boolean afterTheCommit) throws IOException {
        Path app = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(app)) {
            throw new IOException(app + " is missing: build first with ./mvnw -DskipTests package");
        }
        // started from its own directory, as `java -jar quarkus-run.jar`: the class data archive records
        // the class path as the build ran it, and a JVM started otherwise ignores the archive
        List<String> command = new ArrayList<>(List.of("env", "-C", app.getParent().toString(),
                // fewer glibc malloc arenas: less native memory for the same work (as in the images)
                "MALLOC_ARENA_MAX=" + ServiceJvm.MALLOC_ARENA_MAX,
                ServiceJvm.java().toString()));
        command.addAll(ServiceJvm.options(app, recordAotCache));
        command.addAll(List.of("-Dquarkus.profile=local", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.getFileName().toString()));
        Files.createDirectories(logDir);
        ClinicService service = new ClinicService(name, port, managementPort,
                afterTheCommit ? AfterTheCommit.niced(command) : List.copyOf(command), logDir.resolve(name + ".log"));
        service.launch();
        return service;
    }

    private synchronized void launch() throws IOException {
        // TERM lets Quarkus shut down gracefully: finish requests, close pools and consumers
        process = ServerProcess.supervised(name, "TERM", command, log, false);
        startedAt = Instant.now();
    }

    /**
     * Starts the service again when it has stopped on its own. Answers what happened, for the
     * console, or null when it is running (or closed).
     */
    synchronized String restartIfStopped() throws IOException {
        if (closed || process.isAlive()) {
            return null;
        }
        int exit = process.exitValue();
        quickCrashes = Duration.between(startedAt, Instant.now()).compareTo(QUICK_CRASH) < 0 ? quickCrashes + 1 : 0;
        if (quickCrashes > QUICK_CRASHES_ALLOWED) {
            closed = true;
            return name + " keeps stopping right after it starts (exit code " + exit + "); left stopped. See " + log;
        }
        launch();
        return name + " stopped (exit code " + exit + "); started it again";
    }

    /** Waits until the service reports ready (its database and, where used, Kafka reachable). */
    void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            ServerProcess current = current();
            if (!current.isAlive()) {
                // a service killed a moment ago is started again here rather than by the stack's watchdog a
                // second later; only one that keeps stopping right after it starts is left stopped
                restartIfStopped();
                if (isLeftStopped()) {
                    throw new IOException(name + " keeps stopping during start-up; its log ends with:\n" + current.logTail());
                }
                continue;
            }
            if (ready()) {
                return;
            }
            ServerProcess.pause();
        }
        throw new IOException(name + " was not ready within " + timeout + "; its log ends with:\n" + current().logTail());
    }

    private synchronized boolean isLeftStopped() {
        return closed && !process.isAlive();
    }

    /** Ends the service's JVM at once, as a crash or {@code kill -9} would. */
    void kill() {
        current().kill();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    /** The process id of the service's JVM (not of its supervising shell), for measuring it. */
    long jvmPid() {
        return current().programPid();
    }

    private synchronized ServerProcess current() {
        return process;
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready").toURL()
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
        ServerProcess last;
        synchronized (this) {
            closed = true;
            last = process;
        }
        last.close();
    }
}
