package clinic.booking;

import static clinic.booking.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import clinic.booking.support.ScreeningEventsTopic;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A screening event booking could not read waits in clinic.screening.v1.dlq, and until it is
 * replayed booking does not know the patient's newer intake: the appointments it should send back
 * to screening stay as they were. So operators see it (a metric, a readiness warning, the list) and
 * replay it through booking's own consumer once booking can read it.
 */
@QuarkusTest
class ScreeningDeadLettersTest {

    private static final String WAITING = "/api/dead-letters?limit=10000&topic=" + ScreeningEventsTopic.DEAD_LETTERS;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @BeforeEach
    @AfterEach
    void reset() {
        ScreeningStub.reset();
    }

    @Test
    void anIntakeEventSetAsideIsSeenAndAReplayMakesItsAppointmentsOwedANewDecision() {
        // dead letters other tests left (unreadable payloads) stay counted: compare with them
        int before = as("admin").get(WAITING).then().statusCode(200).extract().jsonPath().getList("$").size();
        String patient = Api.newPatient();
        String id = as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", Api.at(Api.freshTuesday(), 16, 0)))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");

        // an intake event an older booking could not read, and a payload no version can read
        ScreeningEventsTopic.deadLetter(patient,
                ScreeningEventsTopic.intakeRecordedEvent(patient, ScreeningStub.recordIntakeElsewhere(patient)));
        ScreeningEventsTopic.deadLetter(patient, "{\"type\":\"IntakeRecorded\",\"patientId\":\"not an id\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> Double.valueOf(before + 2)
                .equals(metric("clinic_dead_letter_depth", "topic=\"" + ScreeningEventsTopic.DEAD_LETTERS + "\"")));
        assertNotNull(metric("clinic_consumer_lag", "topic=\"" + ScreeningEventsTopic.TOPIC + "\""), "the consumer's lag is watched too");
        given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'Dead letters' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Dead letters' }.data.'clinic.screening.v1.dlq'", equalTo(before + 2))
                .body("checks.find { it.name == 'Dead letters' }.data.warning", containsString("/api/dead-letters/replay"));
        as("admin").get(WAITING).then().statusCode(200).body("size()", equalTo(before + 2))
                .body("topic", everyItem(equalTo(ScreeningEventsTopic.DEAD_LETTERS)));
        // booking has not heard of the newer intake: the appointment still rests on its first decision
        assertEquals("CONFIRMED", status(id));

        as("frontdesk").post("/api/dead-letters/replay").then().statusCode(403);
        as("admin").post("/api/dead-letters/replay?topic=clinic.screening.v1").then().statusCode(400)
                .body("errors[0].field", equalTo("topic"));
        JsonPath replay = as("admin").post("/api/dead-letters/replay").then().statusCode(200).extract().jsonPath();
        assertEquals(before + 2, replay.getInt("read"));
        assertEquals(1, replay.getInt("applied"));
        assertEquals(before + 1, replay.getInt("deadAgain"));

        // applied as if consumed: the appointment goes back to screening, which now asks for a review
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING_REVIEW".equals(status(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Double.valueOf(before + 1)
                .equals(metric("clinic_dead_letter_depth", "topic=\"" + ScreeningEventsTopic.DEAD_LETTERS + "\"")));
        as("admin").get(WAITING).then().statusCode(200).body("size()", equalTo(before + 1))
                .body("reason", everyItem(containsString("replay: unreadable screening event")));
    }

    private static String status(String id) {
        return as("frontdesk").get("/api/appointments/" + id).then().statusCode(200).extract().path("status");
    }

    /** A metric's value from the Prometheus text, or null when absent. */
    private Double metric(String name, String label) {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
                .matcher(text);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
