package clinic.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A refusal by the database, as the service's own connections report it, names the rule that
 * refused but not the row's values, so an error log of it carries no patient data.
 */
@QuarkusTest
class DatabaseErrorsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRefusedRowIsNotRepeatedInTheError() throws Exception {
        String marker = "patient-data-" + System.nanoTime();
        SQLException refused;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // no days given: the not-null rule refuses it, and PostgreSQL's detail would repeat the whole row
            refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO clinic_closure (id, reason) VALUES (gen_random_uuid(), '" + marker + "')"));
        }
        assertEquals("23502", refused.getSQLState());
        assertTrue(refused.getMessage().contains("clinic_closure"), refused.getMessage());
        assertFalse(refused.getMessage().contains(marker), "the error repeats the row: " + refused.getMessage());
    }
}
