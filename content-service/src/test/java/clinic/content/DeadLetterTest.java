package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Payloads that are not events go to the dead-letter topic and the partition keeps moving. */
@QuarkusTest
class DeadLetterTest {

    @Inject
    MovableClock clock;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextGoodEventIsStillProcessed() {
        clock.set(Instant.parse("2030-03-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 3, 10, 10, 0));
        String key = a.id.toString();
        String garbage = "this is not json " + UUID.randomUUID();
        ObjectNode incomplete = a.confirmed(clock.instant());
        incomplete.remove("patientEmail");
        incomplete.remove("start");
        String incompletePayload = incomplete.toString();

        // same key, so same partition: the good event sits behind both poison messages
        Events.publishRaw(key, garbage);
        Events.publishRaw(key, incompletePayload);
        Events.publish(a.confirmed(clock.instant()));

        Api.awaitInbox(a.email, 1);
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");

        try (Events.DeadLetters dlq = Events.deadLetters()) {
            await().atMost(Api.WITHIN).until(() -> {
                List<String> payloads = dlq.poll().stream().map(ConsumerRecord::value).toList();
                return payloads.contains(garbage) && payloads.contains(incompletePayload);
            });
            ConsumerRecord<String, String> dead = dlq.poll().stream().filter(r -> garbage.equals(r.value())).findFirst()
                    .orElseThrow();
            assertEquals(key, dead.key(), "dead letters keep their key");
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not an appointment event"),
                    "the reason says why");
        }
    }

    @Test
    void anEventThatCanNeverBeAppliedIsDeadLetteredAtOnceAndTheNextEventIsStillProcessed() {
        clock.set(Instant.parse("2030-03-02T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 3, 12, 10, 0));
        // well-formed and schema-valid, but an appointment cannot end before it starts
        ObjectNode backwards = a.confirmed(clock.instant());
        backwards.put("end", a.start.minusSeconds(3600).toString());
        Events.publish(backwards);
        TestAppointment next = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 3, 12, 11, 0));
        Events.publish(next.confirmed(clock.instant()));

        Api.awaitStatus(next.id, "CONFIRMATION", "SENT");
        try (Events.DeadLetters dlq = Events.deadLetters()) {
            await().atMost(Api.WITHIN).until(() -> dlq.poll().stream().anyMatch(r -> backwards.toString().equals(r.value())));
        }
        assertEquals(null, Processed.outcome(backwards), "nothing of the failed event was committed");
        assertEquals(List.of(), Api.messages(a.id));
    }
}
