package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.content.intake.InvitationMailRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The intake link e-mail: queued once per invitation, sent by the SMTP path every message takes,
 * listed with the patient's messages, and its link not kept once it went out.
 */
@QuarkusTest
class IntakeInvitationMailTest {

    @Inject
    InvitationMailRepository mails;

    @Inject
    MovableClock clock;

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    private Map<String, Object> request(UUID invitation, UUID patient, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("invitationId", invitation.toString());
        body.put("patientId", patient.toString());
        body.put("email", email);
        body.put("firstName", "Alicja");
        body.put("link", "https://clinic.example/intake/#v1." + invitation + ".1900000000.c2lnbmF0dXJl");
        body.put("expiresAt", clock.instant().plus(java.time.Duration.ofDays(3)).atOffset(java.time.ZoneOffset.ofHours(1)).toString());
        return body;
    }

    @Test
    void theLinkIsEmailedOnceListedWithThePatientsMessagesAndNotKeptAfterwards() {
        UUID invitation = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String email = "intake-" + invitation.toString().substring(0, 8) + "@example.com";
        as("admin").body(request(invitation, patient, email)).post("/api/intake-invitation-mails").then().statusCode(403);
        Map<String, Object> bad = request(invitation, patient, email);
        bad.put("link", "javascript:alert(1)");
        as("frontdesk").body(bad).post("/api/intake-invitation-mails").then().statusCode(400).body("errors.field", hasItem("link"));
        Map<String, Object> expired = request(invitation, patient, email);
        expired.put("expiresAt", clock.instant().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC).toString());
        as("frontdesk").body(expired).post("/api/intake-invitation-mails").then().statusCode(400).body("errors.field", hasItem("expiresAt"));

        Map<String, Object> sent = request(invitation, patient, email);
        as("frontdesk").body(sent).post("/api/intake-invitation-mails").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        as("frontdesk").body(request(invitation, patient, email)).post("/api/intake-invitation-mails").then().statusCode(202);

        List<Inbox.Received> received = Api.awaitInbox(email, 1);
        assertEquals(1, received.size(), "one e-mail per invitation, however often it is asked for");
        Inbox.Received mail = received.get(0);
        assertTrue(mail.subject().contains("health questions"), mail.subject());
        assertTrue(mail.text().contains("Dear Alicja") && mail.text().contains("/intake/#v1." + invitation), mail.text());
        assertTrue(mail.html().contains("href=\"https://clinic.example/intake/#v1." + invitation), mail.html());
        // until when, in the clinic's time with its zone named, as the appointment e-mails write times
        String until = java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", java.util.Locale.ENGLISH)
                .format(java.time.OffsetDateTime.parse((String) sent.get("expiresAt")).atZoneSameInstant(TestAppointment.CLINIC_ZONE));
        for (String text : List.of(mail.text(), mail.html())) {
            assertTrue(text.contains("until " + until + " (Europe/Warsaw time)"), text);
        }

        await().atMost(Api.WITHIN).until(() -> "SENT".equals(QuarkusTransaction.requiringNew()
                .call(() -> mails.findById(invitation).status.name())));
        assertNull(QuarkusTransaction.requiringNew().call(() -> mails.findById(invitation).link), "the link is not kept once sent");
        as("frontdesk").get("/api/patients/" + patient + "/messages").then().statusCode(200)
                .body("kind", hasItem("INTAKE_LINK")).body("find { it.kind == 'INTAKE_LINK' }.status", equalTo("SENT"))
                .body("find { it.kind == 'INTAKE_LINK' }.subject", equalTo(mail.subject()));
        as("frontdesk").get("/api/patients/not-an-id/messages").then().statusCode(400);
        given().get("/api/patients/" + patient + "/messages").then().statusCode(401);
    }
}
