package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The signed opt-out link: works without login, refuses forgeries, and never silences the red flags. */
@QuarkusTest
class OptOutTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/opt-out\\?\\S+");

    @Inject
    MovableClock clock;

    @Test
    void optingOutStopsRemindersButConfirmationsAndRedFlagsStillGoOut() {
        UUID patient = UUID.randomUUID();
        Instant completed = Instant.parse("2030-05-06T09:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment first = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 5, 6, 10, 0), patient);
        Events.publish(first.completed(completed));
        Api.awaitInbox(first.email, 1);

        clock.set(completed.plus(Duration.ofHours(24)));
        Inbox.Received reminder = Api.awaitInbox(first.email, 2).get(1);
        Matcher m = LINK.matcher(reminder.text());
        assertTrue(m.find(), "reminder carries the link: " + reminder.text());
        URI link = URI.create(m.group());
        assertTrue(reminder.html().contains("/opt-out?patient=" + patient), "the HTML body carries it too");

        // the link needs no login
        given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("no longer receive"));
        // clicking twice is fine
        given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200);

        clock.set(completed.plus(Duration.ofDays(8)));
        Api.awaitStatus(first.id, "AFTERCARE-7D", "SKIPPED");
        assertEquals("SKIPPED", Api.status(first.id, "AFTERCARE-48H"));
        assertEquals("SKIPPED", Api.status(first.id, "AFTERCARE-72H"));
        assertEquals(2, Inbox.of(first.email).size());

        // a later appointment of the same patient: confirmation and red flags still arrive
        Instant later = Instant.parse("2030-06-03T09:00:00Z");
        clock.set(later.minus(Duration.ofDays(7)));
        TestAppointment second = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 6, 3, 11, 0), patient);
        Events.publish(second.confirmed(clock.instant()));
        Inbox.Received confirmation = Api.awaitInbox(second.email, 1).get(0);
        assertTrue(confirmation.subject().contains("confirmed"));

        clock.set(later.plusSeconds(5));
        Events.publish(second.completed(later));
        Inbox.Received redFlags = Api.awaitInbox(second.email, 2).get(1);
        assertTrue(redFlags.text().contains("Pain that gets worse after 48 hours"), redFlags.text());
        clock.set(later.plus(Duration.ofDays(8)));
        Api.awaitStatus(second.id, "AFTERCARE-7D", "SKIPPED");
        assertEquals("SENT", Api.status(second.id, "AFTERCARE-0H"));
        assertEquals("SKIPPED", Api.status(second.id, "AFTERCARE-24H"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Inbox.of(second.email).size() == 2);
    }

    @Test
    void aBadOrForeignSignatureIsRefused() {
        UUID patient = UUID.randomUUID();
        given().queryParam("patient", patient).queryParam("signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .get("/opt-out").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:invalid-signature"));
        given().queryParam("patient", patient).queryParam("signature", "%%%not-base64")
                .get("/opt-out").then().statusCode(403);
        // a genuine signature for someone else does not opt this patient out
        String othersSignature = signatureFromA24hReminder();
        given().queryParam("patient", patient).queryParam("signature", othersSignature)
                .get("/opt-out").then().statusCode(403);
    }

    @Test
    void missingOrMalformedParametersAreNamed() {
        given().queryParam("signature", "x").get("/opt-out").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("patient"));
        given().queryParam("patient", UUID.randomUUID()).get("/opt-out").then().statusCode(400)
                .body("errors[0].field", equalTo("signature"));
        given().queryParam("patient", "nobody").queryParam("signature", "x").get("/opt-out").then().statusCode(400)
                .body("errors[0].field", equalTo("patient"));
    }

    private String signatureFromA24hReminder() {
        Instant completed = Instant.parse("2030-05-20T09:00:00Z");
        clock.set(completed.plus(Duration.ofHours(24)));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 5, 20, 10, 0));
        Events.publish(a.completed(completed));
        Inbox.Received reminder = Api.awaitInbox(a.email, 2).stream().filter(r -> r.text().contains("/opt-out?"))
                .findFirst().orElseThrow();
        Matcher m = LINK.matcher(reminder.text());
        assertTrue(m.find());
        String query = URI.create(m.group()).getQuery();
        return query.substring(query.indexOf("signature=") + "signature=".length());
    }
}
