package clinic.local.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A real PostgreSQL server from the embedded binaries, on 127.0.0.1 with trust authentication.
 *
 * <p>When this JVM is root the server runs as an unprivileged user (PostgreSQL refuses root), and
 * a data directory that user cannot reach is moved under /var/tmp, keyed by the path asked for.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDir;
    private final ServerProcess process;

    private PostgresServer(int port, Path dataDir, ServerProcess process) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts a server on the port, creating the cluster on first use.
     *
     * @param durable false for throw-away test clusters: no fsync, so they start and run faster
     */
    public static PostgresServer start(Path requestedDataDir, int port, boolean durable) throws IOException {
        Path home = reachableHome(requestedDataDir);
        Path dataDir = home.resolve("pgdata");
        Path bin = PostgresBinaries.unpacked().resolve("bin");
        Path log = home.resolve("postgres.log");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initCluster(bin, dataDir, log);
        }
        List<String> settings = new ArrayList<>(List.of("-p", Integer.toString(port), "-h", "127.0.0.1",
                "-c", "unix_socket_directories=", "-c", "max_connections=300",
                // statement statistics with their planning for whoever profiles the clinic (deploy/local/benchmark prints them)
                "-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track_planning=on"));
        if (!durable) {
            settings.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        // INT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect
        List<String> postgres = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString()));
        postgres.addAll(settings);
        ServerProcess process = ServerProcess.supervised("PostgreSQL", "INT", postgres, log, true);
        PostgresServer server = new PostgresServer(port, dataDir, process);
        try {
            process.awaitListening("127.0.0.1", port, Duration.ofSeconds(60));
            server.awaitAcceptingConnections(Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(String... names) {
        createDatabasesOn(jdbcUrl("postgres"), USER, PASSWORD, names);
    }

    /** Creates each database that does not exist yet on any server (used for a clinic's own server too). */
    public static void createDatabasesOn(String adminJdbcUrl, String user, String password, String... names) {
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password)) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    if (exists.executeQuery().next()) {
                        continue;
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases on " + adminJdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private void awaitAcceptingConnections(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
                return;
            } catch (SQLException starting) {
                last = starting;
                if (!process.isAlive()) {
                    break;
                }
                ServerProcess.pause();
            }
        }
        throw new IOException("PostgreSQL did not accept connections: " + (last == null ? "" : last.getMessage())
                + "\n" + process.logTail());
    }

    private static void initCluster(Path bin, Path dataDir, Path log) throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        OsUser.giveToServerUser(dataDir);
        Process initdb = new ProcessBuilder(OsUser.asServerUser(List.of(bin.resolve("initdb").toString(),
                "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (initdb.waitFor() != 0) {
                throw new IOException("initdb failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during initdb", e);
        }
    }

    /** The directory that will hold the cluster and its log, reachable by the server's user. */
    private static Path reachableHome(Path requested) throws IOException {
        Path home = requested.toAbsolutePath();
        if (!OsUser.canReach(home)) {
            home = Path.of("/var/tmp/clinic-postgres", digest(home.toString()));
        }
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
