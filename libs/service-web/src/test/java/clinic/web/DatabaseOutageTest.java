package clinic.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;


import org.junit.jupiter.api.Test;

/** An unreachable database is told apart from other failures, however deeply it is wrapped. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("could not prepare",
                new IllegalStateException("wrapped", new SQLException("terminating connection", "57P01")))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLTransientConnectionException("Acquisition timeout"))));
    }

    @Test
    void aPoolWithNoConnectionFreeInTimeIsAnOutageToo() {
        // what Agroal throws, wrapped as Hibernate wraps it
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
    }
}
