package clinic.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import clinic.content.events.AppointmentEvent;
import clinic.content.events.EventParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Parameters with control characters and requests over the size limits are problems naming what
 * is wrong; events from booking are still read tolerantly (the strict rules are for requests).
 */
@QuarkusTest
class StrictInputTest {

    @Inject
    EventParser parser;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/opt-out?patient=%00&signature=abc                                          | patient",
            "/opt-out?patient=00000000-0000-4000-8000-000000000001&signature=ab%0Dc      | signature",
            "/api/aftercare/MICRO%00NEEDLING                                             | procedure",
            "/api/appointments/%7F/messages                                              | id" })
    void aControlCharacterInAParameterIsNamed(String path, String parameter) {
        staff().urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:invalid-request"))
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void requestsOverTheSizeLimitsAreProblemJson() {
        staff().get("/api/aftercare/MICRONEEDLING?padding=" + "a".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:uri-too-long"))
                .body("maxBytes", equalTo(4096));
        staff().header("X-Padding", "a".repeat(30_000)).get("/api/aftercare/MICRONEEDLING").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:headers-too-large"));
        staff().contentType("application/json").body("\"" + "a".repeat(1_100_000) + "\"")
                .post("/api/aftercare/MICRONEEDLING").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:body-too-large"));
    }

    @Test
    void eventsAreReadTolerantly() {
        TestAppointment appointment = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 15, 10, 0));
        ObjectNode event = appointment.confirmed(Instant.parse("2030-01-10T09:00:00Z"));
        event.put("patientFirstName", "Zofia\tMaria");
        event.put("addedInALaterVersion", true);
        AppointmentEvent parsed = parser.parse(event.toString());
        assertEquals("Zofia\tMaria", parsed.patientFirstName());
        assertEquals(appointment.id, parsed.appointmentId());
    }

    private static RequestSpecification staff() {
        return given().auth().preemptive().basic("frontdesk", "frontdesk");
    }
}
