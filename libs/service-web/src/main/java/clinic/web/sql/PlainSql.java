package clinic.web.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Plain SQL on the caller's transaction, for the statements on the hottest paths, for every service.
 *
 * <p>Why not Hibernate there: for one row it opens the request's session, for a native query it
 * resolves the result columns from the JDBC metadata on every execution, and a persisted entity costs
 * its flush at commit; measured with JFR, each such statement cost a tenth to a fifth of its
 * service's CPU per booking. Why by hand rather than a JDBC library (Jdbi, jOOQ): each would add
 * thousands of classes to every service's start and memory for a handful of one-statement uses.
 * Inside a JTA transaction the pool hands out the transaction's own connection, so these statements
 * see its writes (after a flush) and share its locks.
 *
 * <p>A failure is rethrown with its {@link SQLException} as the cause, so a database outage is still
 * answered as one (503) by the problem mappers.
 */
public final class PlainSql {

    /** Reads one row of a result; {@code row} is positioned on it. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private PlainSql() {
    }

    /** Every row the query answers, with its parameters in order (JDBC's {@code ?}). */
    public static <T> List<T> list(DataSource dataSource, String sql, Row<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                List<T> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
                return read;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql), e);
        }
    }

    /** The first row the query answers, if any. */
    public static <T> Optional<T> first(DataSource dataSource, String sql, Row<T> reader, Object... parameters) {
        return list(dataSource, sql, reader, parameters).stream().findFirst();
    }

    /** The one row a query that always answers one row (an aggregate, a row of sub-selects) answers. */
    public static <T> T one(DataSource dataSource, String sql, Row<T> reader, Object... parameters) {
        return first(dataSource, sql, reader, parameters)
                .orElseThrow(() -> new IllegalStateException("no row from: " + firstLine(sql)));
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql), e);
        }
    }

    /** Binds in order; an {@link Instant} as a UTC {@link OffsetDateTime}, which the PostgreSQL driver takes for timestamptz. */
    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse("");
    }
}
