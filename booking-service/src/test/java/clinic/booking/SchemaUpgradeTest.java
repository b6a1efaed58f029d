package clinic.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import clinic.booking.support.BookingDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A database installed by an earlier release takes the schema migrations written since: the upgrade
 * a clinic makes. Each case builds its own database in the test PostgreSQL with the service's own
 * Flyway configuration (its migrations, callbacks and placeholders), migrates it as the earlier
 * release left it, then as this release starts.
 */
@QuarkusTest
class SchemaUpgradeTest {

    private static final String DEMO_PRACTITIONER = "00000000-0000-4000-8000-00000000b001";

    @Inject
    Flyway serviceFlyway;

    @Test
    void aDatabaseThatRecordedTheDemoDataAsVersion1000TakesEveryLaterSchemaMigration() throws SQLException {
        String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        BookingDatabase.execute("CREATE DATABASE " + database);
        try {
            String url = databaseUrl(database);
            flyway(url).target(MigrationVersion.fromVersion("6")).load().migrate();
            recordDemoDataAsVersion1000(url);

            flyway(url).load().migrate();

            try (Connection connection = connect(url)) {
                assertEquals(serviceFlyway.info().current().getVersion().getVersion(),
                        single(connection, "SELECT version FROM flyway_schema_history WHERE success"
                                + " ORDER BY installed_rank DESC LIMIT 1"),
                        "the upgraded database holds every schema migration of this release");
                assertNull(single(connection, "SELECT max(version) FROM flyway_schema_history WHERE version = '1000'"),
                        "the demo data's old version is forgotten");
                assertEquals("10", single(connection, "SELECT count(*) FROM working_hours WHERE practitioner_id = '"
                        + DEMO_PRACTITIONER + "'"), "the demo seed ran on the empty clinic only, not again");
            }
        } finally {
            BookingDatabase.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    /** The row the releases before 2026-12-01 wrote for their demo data (as read from a local stack's database). */
    private static void recordDemoDataAsVersion1000(String url) throws SQLException {
        try (Connection connection = connect(url); var sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success)"
                    + " SELECT max(installed_rank) + 1, '1000', 'demo clinic', 'SQL', 'db/demo/V1000__demo_clinic.sql',"
                    + " -149890524, current_user, 12, true FROM flyway_schema_history");
        }
    }

    private FluentConfiguration flyway(String url) {
        var config = ConfigProvider.getConfig();
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .configuration(serviceFlyway.getConfiguration())
                .dataSource(url, config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
    }

    private static String databaseUrl(String database) {
        String serviceUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        int path = serviceUrl.lastIndexOf('/');
        int query = serviceUrl.indexOf('?', path);
        return serviceUrl.substring(0, path + 1) + database + (query < 0 ? "" : serviceUrl.substring(query));
    }

    private static Connection connect(String url) throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (var sql = connection.createStatement(); var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
