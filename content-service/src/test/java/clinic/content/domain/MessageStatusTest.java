package clinic.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The status lists written into SQL stay the ones the partial indexes were made for. */
class MessageStatusTest {

    @Test
    void theUnsettledListIsTheConditionOfTheIndexesThatServeIt() throws IOException {
        assertEquals("('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN')", MessageStatus.UNSETTLED_SQL);
        assertEquals("('PENDING', 'FAILED_RETRYING', 'UNCERTAIN')", MessageStatus.CLAIMABLE_SQL);
        for (String migration : new String[] { "V3__reliable_delivery.sql", "V14__dispatch_lag_reads_only_what_is_due.sql" }) {
            assertTrue(migration(migration).contains("WHERE status IN " + MessageStatus.UNSETTLED_SQL), migration);
        }
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = MessageStatusTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
