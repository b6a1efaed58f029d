package clinic.local.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import clinic.local.infra.ExternalServers;
import clinic.local.infra.FreePort;
import clinic.local.infra.KafkaBroker;
import clinic.local.infra.PostgresServer;
import clinic.local.infra.SmtpSink;

/**
 * The servers one test JVM shares: started on first use on free ports, stopped when the JVM ends.
 *
 * <p>Quarkus restarts an application (and asks its test resources to stop) whenever a test
 * profile changes; keeping the servers for the whole JVM avoids restarting PostgreSQL and Kafka
 * each time.
 */
public final class TestServers {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static SmtpSink smtp;
    private static Path home;

    private TestServers() {
    }

    /** JDBC URL of the named database, created if missing. */
    public static synchronized String postgresDatabase(String database) {
        var external = ExternalServers.get(ExternalServers.POSTGRES_URL);
        if (external.isPresent()) {
            PostgresServer.createDatabasesOn(ExternalServers.postgresDatabaseUrl(external.get(), "postgres"),
                    ExternalServers.postgresUser(), ExternalServers.postgresPassword(), database);
            return ExternalServers.postgresDatabaseUrl(external.get(), database);
        }
        if (postgres == null) {
            try {
                postgres = PostgresServer.start(home().resolve("postgres"), FreePort.find(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL for the tests", e);
            }
        }
        postgres.createDatabases(database);
        return postgres.jdbcUrl(database);
    }

    public static synchronized String kafkaBootstrapServers() {
        var external = ExternalServers.get(ExternalServers.KAFKA_BOOTSTRAP_SERVERS);
        if (external.isPresent()) {
            return external.get();
        }
        if (kafka == null) {
            try {
                kafka = KafkaBroker.start(home().resolve("kafka"), FreePort.find(), FreePort.find(), 3);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start Kafka for the tests", e);
            }
        }
        return kafka.bootstrapServers();
    }

    /** The in-process SMTP sink; tests read what was sent from it. */
    public static synchronized SmtpSink smtp() {
        if (smtp == null) {
            smtp = SmtpSink.start(FreePort.find(), FreePort.find());
        }
        return smtp;
    }

    private static Path home() throws IOException {
        if (home == null) {
            home = Files.createTempDirectory("clinic-test-servers");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopAll, "test-servers-stop"));
        }
        return home;
    }

    private static synchronized void stopAll() {
        if (smtp != null) {
            smtp.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            deleteTree(home);
        } catch (IOException e) {
            System.err.println("could not remove " + home + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
