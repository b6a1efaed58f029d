package clinic.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The admin's view of message delivery across appointments: admin only, no recipient or content. */
@QuarkusTest
class DeliveryViewTest {

    @Inject
    MovableClock clock;

    @Test
    void theAdminSeesEachMessagesStatusFilteredByStatusWithoutRecipientOrContent() {
        clock.set(Instant.parse("2031-03-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2031, 3, 12, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");

        List<String> appointments = given().auth().preemptive().basic("admin", "admin").queryParam("limit", "500")
                .get("/api/messages").then().statusCode(200).extract().jsonPath().getList("appointmentId");
        assertTrue(appointments.contains(a.id.toString()), "the confirmation is listed");
        String sent = given().auth().preemptive().basic("admin", "admin").queryParam("status", "SENT").queryParam("limit", "500")
                .get("/api/messages").then().statusCode(200)
                .body("status", not(hasItem("PENDING")))
                .body("findAll { it.appointmentId == '" + a.id + "' }.step", hasItem("CONFIRMATION"))
                .extract().asString();
        for (String hidden : List.of(a.email, "recipient", "subject", "body")) {
            assertFalse(sent.contains(hidden), "the delivery view must not show " + hidden);
        }
        given().auth().preemptive().basic("admin", "admin").queryParam("status", "FAILED,UNCERTAIN").get("/api/messages").then()
                .statusCode(200).body("status", not(hasItem("SENT")));
    }

    @Test
    void onlyTheAdminMayLookAndBadFiltersAreNamed() {
        given().auth().preemptive().basic("frontdesk", "frontdesk").get("/api/messages").then().statusCode(403);
        given().auth().preemptive().basic("clinician", "clinician").get("/api/messages").then().statusCode(403);
        given().get("/api/messages").then().statusCode(401);
        given().auth().preemptive().basic("admin", "admin").queryParam("status", "LOST").get("/api/messages").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().auth().preemptive().basic("admin", "admin").queryParam("limit", "0").get("/api/messages").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
    }
}
