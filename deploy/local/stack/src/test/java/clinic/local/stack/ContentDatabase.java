package clinic.local.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import clinic.local.infra.ExternalServers;

/**
 * content-service's database, read (and, to stage a failure that is hard to cause from outside,
 * written) by tests the way TestAppointments moves appointments in booking's.
 */
public final class ContentDatabase {

    private ContentDatabase() {
    }

    /** The first column of the first row, or null when there is none. */
    public static String value(ClinicStack stack, String sql, String... params) {
        try (Connection connection = connect(stack); PreparedStatement query = prepare(connection, sql, params);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(ClinicStack stack, String sql, String... params) {
        try (Connection connection = connect(stack); PreparedStatement update = prepare(connection, sql, params)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(ClinicStack stack) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("content"), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword());
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setString(i + 1, params[i]);
        }
        return statement;
    }
}
