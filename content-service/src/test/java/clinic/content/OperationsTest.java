package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What operators watch and do: consumer lag, dead-letter depth (a metric and a warning in
 * readiness), dispatch lag per kind, and the documented replay of the dead-letter topic.
 */
@QuarkusTest
class OperationsTest {

    private static final String APPOINTMENT_DEAD_LETTERS = "clinic.appointments.v1.dlq";
    private static final String WAITING = "/api/dead-letters?limit=10000&topic=" + APPOINTMENT_DEAD_LETTERS;

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    // health and metrics are on the management interface; these URLs are relative to its root, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void metricsNameTheirTopicsAndKinds() {
        // every consumed topic and every dead-letter topic, read from the channels' own configuration
        await().atMost(Api.WITHIN).until(() -> metric("clinic_consumer_lag", "topic=\"clinic.appointments.v1\"") != null);
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        for (String topic : List.of("clinic.appointments.v1", "clinic.patients.v1")) {
            assertTrue(text.contains("clinic_consumer_lag{group=\"content-service\",topic=\"" + topic + "\"}"), text);
        }
        for (String topic : List.of("clinic.appointments.v1.dlq", "clinic.patients.v1.content.dlq")) {
            assertTrue(text.contains("clinic_dead_letter_depth{topic=\"" + topic + "\"}"), text);
        }
        for (String kind : List.of("CONFIRMATION", "UPDATE", "CANCELLATION", "AFTERCARE", "NOTICE", "REMINDER")) {
            assertTrue(text.contains("clinic_dispatch_lag_seconds{kind=\"" + kind + "\"}"), kind);
        }
    }

    @Test
    void aMessageDueButNotSentShowsAsDispatchLagOfItsKind() {
        clock.set(Instant.parse("2030-09-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 9, 20, 10, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(a.confirmed(clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "FAILED_RETRYING");
            clock.advance(java.time.Duration.ofSeconds(5));
            await().atMost(Api.WITHIN).until(() -> {
                Double lag = metric("clinic_dispatch_lag_seconds", "kind=\"CONFIRMATION\"");
                return lag != null && lag >= 5;
            });
        } finally {
            Inbox.startSmtp();
        }
        clock.advance(java.time.Duration.ofSeconds(15));
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
        await().atMost(Api.WITHIN).until(() -> Double.valueOf(0).equals(metric("clinic_dispatch_lag_seconds", "kind=\"CONFIRMATION\"")));
    }

    @Test
    void deadLettersShowAsDepthAndAReadinessWarningAndAReplayAppliesWhatCanNowBeApplied() {
        clock.set(Instant.parse("2030-09-02T10:00:00Z"));
        // dead letters other tests left (unreadable payloads) stay counted: compare with them
        int before = Api.as("admin").get(WAITING).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 9, 22, 10, 0));
        String garbage = "still not an event " + UUID.randomUUID();
        // an event dead-lettered earlier (for example by an older version that could not read it),
        // and a payload that no version can read
        ObjectNode event = a.confirmed(clock.instant());
        Events.publishDeadLetter(a.id.toString(), event.toString());
        Events.publishDeadLetter(a.id.toString(), garbage);

        await().atMost(Api.WITHIN).until(() -> Double.valueOf(before + 2).equals(
                metric("clinic_dead_letter_depth", "topic=\"clinic.appointments.v1.dlq\"")));
        given().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'Dead letters' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Dead letters' }.data.'clinic.appointments.v1.dlq'", equalTo(before + 2))
                .body("checks.find { it.name == 'Dead letters' }.data.warning", containsString("/api/dead-letters/replay"));
        List<Map<String, Object>> waiting = Api.as("admin").get(WAITING).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(before + 2, waiting.size());
        assertTrue(waiting.stream().noneMatch(w -> w.toString().contains(a.email)), "no payload, no contact data");

        // operators only
        Api.as("frontdesk").post("/api/dead-letters/replay").then().statusCode(403);
        Api.as("admin").post("/api/dead-letters/replay?topic=clinic.appointments.v1").then().statusCode(400)
                .body("errors[0].field", equalTo("topic"));
        JsonPath replay = Api.as("admin").post("/api/dead-letters/replay?topic=" + APPOINTMENT_DEAD_LETTERS).then().statusCode(200).extract().jsonPath();
        assertEquals(before + 2, replay.getInt("read"));
        assertEquals(1, replay.getInt("applied"));
        assertEquals(before + 1, replay.getInt("deadAgain"));

        // the event is applied as if it had been consumed: the patient gets the confirmation
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
        // the unreadable ones wait again, with the replay's reason
        await().atMost(Api.WITHIN).until(() -> Double.valueOf(before + 1).equals(
                metric("clinic_dead_letter_depth", "topic=\"clinic.appointments.v1.dlq\"")));
        Api.as("admin").get(WAITING).then().statusCode(200)
                .body("size()", equalTo(before + 1))
                .body("topic", org.hamcrest.Matchers.everyItem(equalTo(APPOINTMENT_DEAD_LETTERS)))
                .body("reason", org.hamcrest.Matchers.everyItem(containsString("replay: ")));
    }

    @Test
    void theListShowsAFailuresOwnReasonOnlyWhereItCannotQuoteData() {
        String key = UUID.randomUUID().toString();
        // a database's refusal quotes the row; an unreadable event's reason names fields only
        Events.publishDeadLetter(key, "{}", "ERROR: new row violates check constraint; Failing row contains (ola@example.com)",
                "org.postgresql.util.PSQLException");
        Events.publishDeadLetter(key, "{}", "event null lacks required fields [appointmentId]",
                "clinic.content.events.InvalidEventException");

        await().atMost(Api.WITHIN).until(() -> Api.as("admin").get(WAITING).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.key == '" + key + "' }").size() == 2);
        List<String> reasons = Api.as("admin").get(WAITING).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.key == '" + key + "' }.reason");
        assertEquals(List.of("PSQLException", "event null lacks required fields [appointmentId]"), reasons);
    }

    @Test
    void oneReplayRunsAtATimeAcrossReplicas() throws Exception {
        // another replica's replay holds the lock in the shared database
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('clinic.consumers.dead-letter-replay'))");
            Api.as("admin").post("/api/dead-letters/replay").then().statusCode(409)
                    .body("type", containsString("replay-running"));
            statement.execute("SELECT pg_advisory_unlock(hashtext('clinic.consumers.dead-letter-replay'))");
        }
        Api.as("admin").post("/api/dead-letters/replay?max=1").then().statusCode(200);
    }

    /** A metric's value from the Prometheus text, or null when absent. */
    private Double metric(String name, String label) {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
                .matcher(text);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
