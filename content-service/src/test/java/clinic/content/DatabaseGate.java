package clinic.content;

import java.net.URI;

import clinic.local.infra.test.TestServers;

/** The gate in front of the real PostgreSQL of this JVM's tests: a test closes it to restart "the database". */
public final class DatabaseGate {

    private static TcpGate instance;
    private static String jdbcUrl;

    private DatabaseGate() {
    }

    public static synchronized TcpGate get() {
        init();
        return instance;
    }

    /** The content database's JDBC URL through the gate. */
    public static synchronized String jdbcUrl() {
        init();
        return jdbcUrl;
    }

    private static void init() {
        if (instance == null) {
            String real = TestServers.postgresDatabase("content");
            URI uri = URI.create(real.substring("jdbc:".length()));
            instance = new TcpGate("postgres", uri.getHost(), uri.getPort());
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + instance.port() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }
}
