package clinic.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/** Staff see what did not reach a patient, send it again (same Message-ID) or close it with a note. */
@QuarkusTest
class MessageAttentionTest {

    @Inject
    MovableClock clock;

    @Test
    void aDroppedConfirmationIsListedAndSentAgainByTheFrontDeskWithTheSameMessageId() {
        Instant now = Instant.parse("2030-06-10T08:00:00Z");
        clock.set(now);
        // in 40 minutes: nothing to remind, and the confirmation is worth sending until the start
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 6, 10, 10, 40));
        String id = dropConfirmation(a);

        Api.as("clinician").get("/api/messages/attention").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("DROPPED"))
                .body("find { it.id == '" + id + "' }.appointmentId", equalTo(a.id.toString()))
                .body("find { it.id == '" + id + "' }.actions", hasItem("RESEND"));
        Api.as("visitor").get("/api/messages/attention").then().statusCode(403);
        Api.as("clinician").post("/api/messages/{id}/resend", id).then().statusCode(403);

        Api.as("frontdesk").post("/api/messages/{id}/resend", id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("deadlineAt", equalTo(clock.instant().plus(Duration.ofHours(1)).toString()));
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
        Inbox.Received mail = Api.awaitInbox(a.email, 1).get(0);
        assertEquals("<appointment-" + a.id + ".confirmation@clinic.local>", mail.messageId());
        // sent: no longer needs anyone
        Api.as("frontdesk").get("/api/messages/attention").then().body("id", org.hamcrest.Matchers.not(hasItem(id)));
        Api.as("frontdesk").post("/api/messages/{id}/resend", id).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:message-not-resendable"));
    }

    @Test
    void aFailureClosedByHandKeepsWhoAndWhy() {
        clock.set(Instant.parse("2030-06-11T08:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 6, 11, 10, 40));
        String id = dropConfirmation(a);

        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"note\": \" \"}").post("/api/messages/{id}/close", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", containsString("note"));
        Api.as("clinician").contentType(ContentType.JSON).body("{\"note\": \"x\"}").post("/api/messages/{id}/close", id)
                .then().statusCode(403);
        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"note\": \"phoned the patient, confirmed by phone\"}")
                .post("/api/messages/{id}/close", id).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("frontdesk"))
                .body("closedNote", equalTo("phoned the patient, confirmed by phone"))
                .body("actions.size()", equalTo(0));
        Api.as("admin").get("/api/messages/attention?status=CLOSED").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.closedBy", equalTo("frontdesk"));
        Api.as("frontdesk").post("/api/messages/{id}/resend", id).then().statusCode(409);
        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"note\": \"again\"}").post("/api/messages/{id}/close", id)
                .then().statusCode(409).body("type", equalTo("urn:clinic:problem:message-not-closable"));
    }

    @Test
    void aStepDroppedAfterALaterOneWentOutIsNotSentAgainOutOfOrder() {
        Instant completed = Instant.parse("2030-06-12T09:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 6, 12, 10, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(a.completed(completed));
            Api.awaitStatus(a.id, "AFTERCARE-0H", "FAILED_RETRYING");
            clock.set(completed.plus(Duration.ofHours(24)));
            Api.awaitStatus(a.id, "AFTERCARE-0H", "DROPPED");
        } finally {
            Inbox.startSmtp();
        }
        clock.advance(Duration.ofSeconds(11));
        Api.awaitStatus(a.id, "AFTERCARE-24H", "SENT");
        Object id = Api.message(a.id, "AFTERCARE-0H").get("id");
        Api.as("frontdesk").post("/api/messages/{id}/resend", id).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:message-superseded"));
    }

    @Test
    void badRequestsAreNamed() {
        Api.as("frontdesk").post("/api/messages/not-a-uuid/resend").then().statusCode(400).body("errors[0].field", equalTo("id"));
        Api.as("frontdesk").post("/api/messages/{id}/resend", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("frontdesk").get("/api/messages/attention?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        Api.as("frontdesk").get("/api/messages/attention?status=LOST").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get("/api/messages/attention").then().statusCode(401);
    }

    /** A confirmation that SMTP refused until the appointment began: DROPPED. Answers its id. */
    private String dropConfirmation(TestAppointment a) {
        Inbox.stopSmtp();
        try {
            Events.publish(a.confirmed(clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "FAILED_RETRYING");
            clock.set(a.start);
            Api.awaitStatus(a.id, "CONFIRMATION", "DROPPED");
        } finally {
            Inbox.startSmtp();
        }
        return (String) Api.message(a.id, "CONFIRMATION").get("id");
    }
}
