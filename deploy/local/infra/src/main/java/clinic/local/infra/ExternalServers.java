package clinic.local.infra;

import java.util.Optional;

/**
 * Addresses of a clinic's own servers, given through the environment, to use instead of starting
 * our own. Read by both the local stack and the tests.
 */
public final class ExternalServers {

    /** JDBC URL of the server without a database, e.g. {@code jdbc:postgresql://db.clinic.local:5432}. */
    public static final String POSTGRES_URL = "CLINIC_POSTGRES_URL";
    public static final String POSTGRES_USER = "CLINIC_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "CLINIC_POSTGRES_PASSWORD";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "CLINIC_KAFKA_BOOTSTRAP_SERVERS";
    public static final String SMTP_HOST = "CLINIC_SMTP_HOST";
    public static final String SMTP_PORT = "CLINIC_SMTP_PORT";

    private ExternalServers() {
    }

    public static Optional<String> get(String variable) {
        return Optional.ofNullable(System.getenv(variable)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static String postgresUser() {
        return get(POSTGRES_USER).orElse(PostgresServer.USER);
    }

    public static String postgresPassword() {
        return get(POSTGRES_PASSWORD).orElse(PostgresServer.PASSWORD);
    }

    /** The JDBC URL of one database on the external server. */
    public static String postgresDatabaseUrl(String serverUrl, String database) {
        return serverUrl.replaceAll("/+$", "") + "/" + database;
    }
}
