package clinic.local.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service's datasource at a real PostgreSQL database for its tests.
 * Init argument {@code database} names the database (created if missing).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "clinic_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestServers.postgresDatabase(database),
                "quarkus.datasource.username", clinic.local.infra.ExternalServers.postgresUser(),
                "quarkus.datasource.password", clinic.local.infra.ExternalServers.postgresPassword());
    }

    @Override
    public void stop() {
        // the server lives as long as the test JVM (TestServers stops it)
    }
}
