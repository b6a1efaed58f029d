package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A clinic's database upgrades to this release. content's migrations were numbered 1-3, then 10 and
 * 11; versions 4 and 5 were added after 10 and 11 had been released, so a database of that release
 * gets them out of order ({@code quarkus.flyway.out-of-order}); without it the service refused to
 * start on such a database ("resolved migration not applied"). A new migration takes the version after
 * the highest, so no other one is ever out of order.
 */
@QuarkusTest
class MigrationUpgradeTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");
    /** The versions released before 4 and 5 were written. */
    private static final Set<Integer> RELEASED_BEFORE_ARRIVAL = Set.of(1, 2, 3, 10, 11);
    /** Never used: versions 4 and 5 filled part of the gap after they had been skipped. */
    private static final Set<Integer> SKIPPED = Set.of(6, 7, 8, 9);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.out-of-order", defaultValue = "false")
    boolean outOfOrder;

    @Test
    void aDatabaseOfTheReleaseBeforeVersionsFourAndFiveUpgrades(@TempDir Path earlier) throws Exception {
        String schema = "upgrade_check";
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        try {
            for (Path file : migrations()) {
                if (RELEASED_BEFORE_ARRIVAL.contains(version(file))) {
                    Files.copy(file, earlier.resolve(file.getFileName()));
                }
            }
            flyway(schema, "filesystem:" + earlier, false).migrate();

            // as the service migrates at start
            flyway(schema, "classpath:db/migration", outOfOrder).migrate();

            assertEquals(List.of(), flyway(schema, "classpath:db/migration", outOfOrder).validateWithResult().invalidMigrations,
                    "the upgraded database validates as the service's start does");
            assertEquals(2, count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
                    + "' AND table_name = 'appointment' AND column_name IN ('arrived_at', 'day_closed')"));
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aNewMigrationTakesTheVersionAfterTheHighest() throws IOException {
        Set<Integer> versions = new TreeSet<>();
        for (Path file : migrations()) {
            versions.add(version(file));
        }
        int highest = versions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Set<Integer> expected = new TreeSet<>();
        IntStream.rangeClosed(1, highest).filter(v -> !SKIPPED.contains(v)).forEach(expected::add);
        assertEquals(expected, versions, "a migration numbered below one already released is applied out of order "
                + "on the clinics' databases; number it " + (highest + 1) + " or above");
    }

    private Flyway flyway(String schema, String location, boolean outOfOrder) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(location)
                .outOfOrder(outOfOrder).load();
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static int version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        assertTrue(m.matches(), file.toString());
        return Integer.parseInt(m.group(1));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
