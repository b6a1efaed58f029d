package clinic.booking.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.booking.support.EventLog;
import clinic.outbox.Outbox;
import clinic.outbox.OutboxMessage;
import clinic.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared outbox relay, in booking: with a backlog (as after a crash between commit and publish) and several relays at
 * once (as with two replicas): every event is published exactly once and in order per appointment.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final int APPOINTMENTS = 20;
    private static final int EVENTS_EACH = 10;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Test
    void concurrentRelaysPublishABacklogOnceAndInOrderPerAppointment() throws Exception {
        List<UUID> appointments = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int a = 0; a < APPOINTMENTS; a++) {
                UUID appointment = UUID.randomUUID();
                appointments.add(appointment);
                for (int seq = 1; seq <= EVENTS_EACH; seq++) {
                    outbox.append(new OutboxMessage(UUID.randomUUID(), EventLog.TOPIC, appointment, "AppointmentRescheduled",
                            "{\"appointmentId\":\"" + appointment + "\",\"sequence\":" + seq + ",\"type\":\"AppointmentRescheduled\"}",
                            Instant.now()));
                }
            }
        });

        // four extra relays race the scheduled one, like replicas of the service would
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            running.add(replicas.submit(() -> {
                while (unpublished(appointments) > 0) {
                    relay.publishBatch();
                }
                return null;
            }));
        }
        for (Future<?> replica : running) {
            replica.get();
        }
        replicas.shutdown();

        await().atMost(Duration.ofSeconds(20)).until(() -> ours(appointments).size() == APPOINTMENTS * EVENTS_EACH);
        Map<String, List<Integer>> sequences = ours(appointments).stream().collect(Collectors.groupingBy(EventLog.Event::key,
                Collectors.mapping(e -> e.value().get("sequence").asInt(), Collectors.toList())));
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, EVENTS_EACH).boxed().toList();
        for (UUID appointment : appointments) {
            assertEquals(expected, sequences.get(appointment.toString()), "events of " + appointment);
        }
    }

    private long unpublished(List<UUID> appointments) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY (?) AND published_at IS NULL")) {
            count.setArray(1, connection.createArrayOf("uuid", appointments.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<EventLog.Event> ours(List<UUID> appointments) {
        List<String> keys = appointments.stream().map(UUID::toString).toList();
        return EventLog.all().stream().filter(e -> keys.contains(e.key()))
                .sorted(java.util.Comparator.comparingLong(EventLog.Event::offset)).toList();
    }
}
