package clinic.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

/** A lost race with another writer is told apart from other failures, however deeply it is wrapped. */
class ConcurrentChangeTest {

    @Test
    void aStaleRowADeadlockAndASerializationFailureAreConcurrentChanges() {
        assertTrue(ConcurrentChange.causedBy(new RuntimeException("could not commit",
                new IllegalStateException("rolled back", new OptimisticLockException("row count 0")))));
        assertTrue(ConcurrentChange.causedBy(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(ConcurrentChange.causedBy(new SQLException("could not serialize access", "40001")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ConcurrentChange.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(ConcurrentChange.causedBy(new SQLException("Connection refused", "08001")));
        assertFalse(ConcurrentChange.causedBy(new IllegalStateException("a bug")));
    }
}
