package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** SMTP down for a while, then back: every due message is delivered, each exactly once. */
@QuarkusTest
class SmtpOutageTest {

    @Inject
    MovableClock clock;

    @Test
    void messagesWaitOutAnOutageWithBackoffAndAreDeliveredExactlyOnce() {
        Instant completed = Instant.parse("2030-04-01T08:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 4, 1, 9, 0));

        Inbox.stopSmtp();
        try {
            Events.publish(a.completed(completed));
            Api.awaitStatus(a.id, "AFTERCARE-0H", "FAILED_RETRYING");
            Map<String, Object> failed = Api.message(a.id, "AFTERCARE-0H");
            assertEquals(1, failed.get("attempts"));
            assertTrue(String.valueOf(failed.get("lastError")).contains("Connect"), failed.toString());

            // not retried before the backoff (30 s) has passed
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Integer.valueOf(1).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));
            clock.advance(Duration.ofSeconds(31));
            await().atMost(Api.WITHIN).until(() -> Integer.valueOf(2).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));
            // the second wait is twice as long: 31 s more is not enough
            clock.advance(Duration.ofSeconds(31));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Integer.valueOf(2).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));
            assertEquals("FAILED_RETRYING", Api.status(a.id, "AFTERCARE-0H"));

            // the outage lasts past the next steps' due times
            clock.set(completed.plus(Duration.ofHours(49)));
            await().atMost(Api.WITHIN).until(() -> "FAILED_RETRYING".equals(Api.status(a.id, "AFTERCARE-48H")));
        } finally {
            Inbox.startSmtp();
        }

        clock.set(completed.plus(Duration.ofDays(8)));
        await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).stream().allMatch(m -> "SENT".equals(m.get("status"))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Inbox.of(a.email).size() == 5);

        List<Inbox.Received> received = Inbox.of(a.email);
        Set<String> ids = received.stream().map(Inbox.Received::messageId).collect(Collectors.toSet());
        Set<Object> recorded = Api.messages(a.id).stream().map(m -> m.get("messageId")).collect(Collectors.toSet());
        assertEquals(5, ids.size(), "five distinct messages, no duplicates");
        assertEquals(recorded, Set.copyOf(ids), "each recorded Message-ID was delivered");
    }
}
