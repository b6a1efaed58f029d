package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The database restarts (every connection cut, new ones refused for a few seconds) while events
 * arrive: each is applied once it is back, in order, nothing goes to the dead-letter topic, and
 * the messages go out.
 */
@QuarkusTest
class DatabaseRestartTest {

    private static final int APPOINTMENTS = 6;

    @Inject
    MovableClock clock;

    @Test
    void eventsArrivingWhileTheDatabaseRestartsAreAppliedInOrderAndNoneIsDeadLettered() throws Exception {
        clock.set(Instant.parse("2030-10-01T10:00:00Z"));
        List<TestAppointment> appointments = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            appointments.add(new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 10, 20, 9 + i, 0)));
        }
        try (Events.DeadLetters dlq = Events.deadLetters()) {
            int deadBefore = settled(dlq);
            DatabaseGate.get().close();
            try {
                for (TestAppointment a : appointments) {
                    ObjectNode confirmed = a.confirmed(clock.instant());
                    ObjectNode moved = a.rescheduled(LocalDateTime.of(2030, 10, 21, 10, 0).plusHours(appointments.indexOf(a)),
                            clock.instant());
                    events.add(confirmed);
                    events.add(moved);
                    Events.publish(confirmed);
                    Events.publish(moved);
                }
                // the outage's length, not a wait for something to happen: down for a few seconds, as a restart is
                Thread.sleep(4000);
            } finally {
                DatabaseGate.get().open();
            }

            for (ObjectNode event : events) {
                Processed.awaitOutcome(event, "APPLIED");
            }
            for (TestAppointment a : appointments) {
                // confirmed, then moved: the last invitation the patient has shows the new time
                await().atMost(Api.WITHIN).until(() -> {
                    List<Inbox.Received> mails = Inbox.of(a.email);
                    return !mails.isEmpty() && a.start.equals(Ics.parse(mails.get(mails.size() - 1).calendar()).start());
                });
                assertTrue(Inbox.of(a.email).get(0).subject().contains("confirmed"), Inbox.of(a.email).get(0).subject());
            }
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> dlq.poll().size() == deadBefore);
        }
    }

    /** What the dead-letter topic holds now (once nothing more arrives for a moment). */
    private static int settled(Events.DeadLetters dlq) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).until(() -> {
            int before = seen.size();
            seen.clear();
            seen.addAll(dlq.poll());
            return seen.size() == before;
        });
        return seen.size();
    }
}
