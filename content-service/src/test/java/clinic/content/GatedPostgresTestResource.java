package clinic.content;

import java.util.Map;

import clinic.local.infra.ExternalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the datasource at the {@link DatabaseGate} in front of the real PostgreSQL database "content". */
public class GatedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", DatabaseGate.jdbcUrl(),
                "quarkus.datasource.username", ExternalServers.postgresUser(),
                "quarkus.datasource.password", ExternalServers.postgresPassword());
    }

    @Override
    public void stop() {
        // the gate and the server live as long as the test JVM
    }
}
