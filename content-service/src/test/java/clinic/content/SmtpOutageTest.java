package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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

/**
 * SMTP down for a while, then back: retries with backoff, a step that could only arrive after the
 * next one is dropped and listed for staff, the rest is delivered once each, and the first message
 * accepted after the outage brings the waiting retries forward.
 */
@QuarkusTest
class SmtpOutageTest {

    @Inject
    MovableClock clock;

    @Test
    void retriesBackOffAStepOverdueForTheNextIsDroppedAndTheRestArriveOnceEach() {
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

            // not retried before the backoff (10 s) has passed
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Integer.valueOf(1).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));
            clock.advance(Duration.ofSeconds(11));
            await().atMost(Api.WITHIN).until(() -> Integer.valueOf(2).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));
            // the second wait is twice as long: 11 s more is not enough
            clock.advance(Duration.ofSeconds(11));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Integer.valueOf(2).equals(Api.message(a.id, "AFTERCARE-0H").get("attempts")));

            // the outage lasts past the next step's due time: the first step would now arrive after it
            clock.set(Instant.parse((String) Api.message(a.id, "AFTERCARE-24H").get("dueAt")));
            Api.awaitStatus(a.id, "AFTERCARE-0H", "DROPPED");
            assertTrue(String.valueOf(Api.message(a.id, "AFTERCARE-0H").get("lastError")).contains("deadline"));
            Api.awaitStatus(a.id, "AFTERCARE-24H", "FAILED_RETRYING");
            Api.as("frontdesk").get("/api/messages/attention").then().statusCode(200)
                    .body("find { it.id == '" + Api.message(a.id, "AFTERCARE-0H").get("id") + "' }.status", equalTo("DROPPED"));
        } finally {
            Inbox.startSmtp();
        }

        clock.advance(Duration.ofSeconds(11));
        Api.awaitStatus(a.id, "AFTERCARE-24H", "SENT");
        for (String step : List.of("AFTERCARE-48H", "AFTERCARE-72H", "AFTERCARE-7D")) {
            clock.set(Instant.parse((String) Api.message(a.id, step).get("dueAt")));
            Api.awaitStatus(a.id, step, "SENT");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Inbox.of(a.email).size() == 4);

        Set<String> ids = Inbox.of(a.email).stream().map(Inbox.Received::messageId).collect(Collectors.toSet());
        Set<Object> sent = Api.messages(a.id).stream().filter(m -> "SENT".equals(m.get("status")))
                .map(m -> m.get("messageId")).collect(Collectors.toSet());
        assertEquals(4, ids.size(), "four distinct messages, no duplicates");
        assertEquals(sent, Set.copyOf(ids), "each message recorded SENT was delivered");
    }

    @Test
    void theFirstMessageAcceptedAfterAnOutageBringsTheWaitingRetriesForward() {
        clock.set(Instant.parse("2030-04-10T10:00:00Z"));
        TestAppointment waiting = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 4, 20, 10, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(waiting.confirmed(clock.instant()));
            Api.awaitStatus(waiting.id, "CONFIRMATION", "FAILED_RETRYING");
            for (int attempt = 2; attempt <= 3; attempt++) {
                int expected = attempt;
                clock.advance(Duration.ofMinutes(1));
                await().atMost(Api.WITHIN).until(() -> Integer.valueOf(expected).equals(Api.message(waiting.id, "CONFIRMATION").get("attempts")));
            }
        } finally {
            Inbox.startSmtp();
        }
        // its next try is 40 s away on a clock that now stands still; a new confirmation goes at once...
        TestAppointment fresh = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 4, 21, 10, 0));
        Events.publish(fresh.confirmed(clock.instant()));
        Api.awaitStatus(fresh.id, "CONFIRMATION", "SENT");
        // ...and takes the waiting one with it
        Api.awaitStatus(waiting.id, "CONFIRMATION", "SENT");
        assertEquals(1, Api.awaitInbox(waiting.email, 1).size());
    }
}
