package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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

import clinic.content.links.LinkTokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The opt-out link: a page with a button (GET changes nothing, so a mail scanner following links
 * does no harm), the POST that opts out, RFC 8058 one-click, tokens bound to their purpose and
 * expiring, opting back in through staff, and red flags that always go out.
 */
@QuarkusTest
class OptOutTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/opt-out\\?token=[A-Za-z0-9_.-]+");

    @Inject
    MovableClock clock;
    @Inject
    LinkTokens tokens;

    @Test
    void aScannerFollowingTheLinkChangesNothingThePageButtonOptsOutAndRedFlagsStillGoOut() {
        UUID patient = UUID.randomUUID();
        Instant completed = Instant.parse("2030-05-06T09:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment first = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 5, 6, 10, 0), patient);
        Events.publish(first.completed(completed));
        Api.awaitInbox(first.email, 1);

        clock.set(completed.plus(Duration.ofHours(24)));
        Inbox.Received reminder = Api.awaitInbox(first.email, 2).get(1);
        URI link = link(reminder.text());
        assertTrue(reminder.html().contains(link.getRawQuery()), "the HTML body carries the same link");
        assertEquals("<" + link + ">", reminder.listUnsubscribe(), "and the List-Unsubscribe header");

        // a scanner (or the patient) opening the link sees a page with a button; nothing changes yet
        String page = given().accept("text/html").get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"/opt-out\">"))
                .body(containsString("Stop non-essential messages"))
                .extract().asString();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), page);
        given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200);
        Api.preferences(patient).body("nonEssential", equalTo(true));

        // the button
        given().accept("text/html").contentType(ContentType.URLENC).formParam("token", token.group(1)).post("/opt-out")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("no longer receive"));
        Api.preferences(patient).body("nonEssential", equalTo(false)).body("optedOutAt", equalTo(clock.instant().toString()));
        // pressing it twice is fine
        given().contentType(ContentType.URLENC).formParam("token", token.group(1)).post("/opt-out").then().statusCode(200);

        for (String step : new String[] { "AFTERCARE-48H", "AFTERCARE-72H", "AFTERCARE-7D" }) {
            clock.set(Instant.parse((String) Api.message(first.id, step).get("dueAt")));
            Api.awaitStatus(first.id, step, "SKIPPED");
        }
        assertEquals(2, Inbox.of(first.email).size());

        // a later appointment of the same patient: confirmation and red flags still arrive, reminders do not
        Instant later = Instant.parse("2030-06-03T09:00:00Z");
        clock.set(later.minus(Duration.ofDays(7)));
        TestAppointment second = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 6, 3, 11, 0), patient);
        Events.publish(second.confirmed(clock.instant()));
        Inbox.Received confirmation = Api.awaitInbox(second.email, 1).get(0);
        assertTrue(confirmation.subject().contains("confirmed"));

        for (String step : new String[] { "REMINDER-DAY-BEFORE-1", "REMINDER-SHORT-1" }) {
            clock.set(Instant.parse((String) Api.message(second.id, step).get("dueAt")));
            Api.awaitStatus(second.id, step, "SKIPPED");
        }
        clock.set(later.plusSeconds(5));
        Events.publish(second.completed(later));
        Inbox.Received redFlags = Api.awaitInbox(second.email, 2).get(1);
        assertTrue(redFlags.text().contains("Pain that gets worse after 48 hours"), redFlags.text());
        for (String step : new String[] { "AFTERCARE-24H", "AFTERCARE-48H", "AFTERCARE-72H", "AFTERCARE-7D" }) {
            clock.set(Instant.parse((String) Api.message(second.id, step).get("dueAt")));
            Api.awaitStatus(second.id, step, "SKIPPED");
        }
        assertEquals("SENT", Api.status(second.id, "AFTERCARE-0H"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Inbox.of(second.email).size() == 2);
    }

    @Test
    void aMailClientsOneClickPostOptsOutWithTheTokenInTheAddress() {
        UUID patient = UUID.randomUUID();
        String token = tokens.issue(LinkTokens.Purpose.OPT_OUT, patient, clock.instant().plus(Duration.ofDays(1)));
        // RFC 8058: the body is List-Unsubscribe=One-Click, as multipart/form-data or urlencoded
        given().multiPart("List-Unsubscribe", "One-Click").post("/opt-out?token=" + token).then().statusCode(200);
        Api.preferences(patient).body("nonEssential", equalTo(false));

        UUID other = UUID.randomUUID();
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/opt-out?token=" + tokens.issue(LinkTokens.Purpose.OPT_OUT, other, clock.instant().plusSeconds(60)))
                .then().statusCode(200);
        Api.preferences(other).body("nonEssential", equalTo(false));
    }

    @Test
    void staffOptAPatientBackInAndTheNextRemindersReachThem() {
        UUID patient = UUID.randomUUID();
        clock.set(Instant.parse("2030-08-01T10:00:00Z"));
        given().contentType(ContentType.URLENC)
                .formParam("token", tokens.issue(LinkTokens.Purpose.OPT_OUT, patient, clock.instant().plusSeconds(60)))
                .post("/opt-out").then().statusCode(200);
        Api.as("frontdesk").get("/api/opt-outs").then().statusCode(200)
                .body("find { it.patientId == '" + patient + "' }.nonEssential", equalTo(false));

        // a clinician may look but not change it; the front desk may
        Api.as("clinician").contentType(ContentType.JSON).body("{\"nonEssential\": true}")
                .put("/api/patients/{id}/message-preferences", patient).then().statusCode(403);
        Api.as("frontdesk").contentType(ContentType.JSON).body("{}")
                .put("/api/patients/{id}/message-preferences", patient).then().statusCode(400)
                .body("errors[0].field", containsString("nonEssential"));
        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"nonEssential\": true}")
                .put("/api/patients/{id}/message-preferences", patient).then().statusCode(200)
                .body("nonEssential", equalTo(true));
        Api.as("frontdesk").get("/api/opt-outs").then().body("patientId", not(org.hamcrest.Matchers.hasItem(patient.toString())));

        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 8, 5, 14, 0), patient);
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);
        clock.set(Instant.parse("2030-08-05T10:00:00Z"));
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "SENT");
    }

    @Test
    void aTokenForAnotherPurposeAForgedOneOrAnExpiredOneIsRefused() throws Exception {
        UUID patient = UUID.randomUUID();
        Instant now = clock.instant();
        // signed with the right key but for another purpose (audience)
        String otherPurpose = signed("{\"iss\":\"clinic-content\",\"aud\":\"appointment-view\",\"sub\":\"" + patient
                + "\",\"exp\":" + (now.getEpochSecond() + 3600) + "}");
        given().queryParam("token", otherPurpose).get("/opt-out").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:invalid-token"))
                .body("errors[0].field", equalTo("token"));
        given().queryParam("token", otherPurpose).contentType(ContentType.URLENC).formParam("x", "y").post("/opt-out")
                .then().statusCode(403);
        Api.preferences(patient).body("nonEssential", equalTo(true));

        // a genuine token altered to speak for someone else
        String genuine = tokens.issue(LinkTokens.Purpose.OPT_OUT, UUID.randomUUID(), now.plusSeconds(3600));
        String[] parts = genuine.split("\\.");
        String forged = b64(("{\"iss\":\"clinic-content\",\"aud\":\"opt-out\",\"sub\":\"" + patient + "\",\"exp\":"
                + (now.getEpochSecond() + 3600) + "}").getBytes()) + "";
        given().queryParam("token", parts[0] + "." + forged + "." + parts[2]).get("/opt-out").then().statusCode(403);
        given().queryParam("token", "not-a-token").get("/opt-out").then().statusCode(403);

        // expired: the page says so, in HTML for a browser
        String expiring = tokens.issue(LinkTokens.Purpose.OPT_OUT, patient, now.plusSeconds(60));
        clock.set(now.plusSeconds(61));
        given().queryParam("token", expiring).get("/opt-out").then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:expired-token"));
        given().accept("text/html").queryParam("token", expiring).get("/opt-out").then().statusCode(410)
                .contentType(containsString("text/html")).body(containsString("This link has expired"));
        given().contentType(ContentType.URLENC).formParam("token", expiring).post("/opt-out").then().statusCode(410);
        Api.preferences(patient).body("nonEssential", equalTo(true));
    }

    @Test
    void aMissingTokenIsNamed() {
        given().get("/opt-out").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        given().contentType(ContentType.URLENC).formParam("other", "x").post("/opt-out").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
    }

    private static URI link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "the message carries the link: " + text);
        return URI.create(m.group());
    }

    /** A JWS signed with the service's own key (the local profile's secret), to prove purpose binding. */
    private static String signed(String claims) throws Exception {
        String header = b64("{\"alg\":\"HS256\"}".getBytes());
        String payload = b64(claims.getBytes());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("local-only-opt-out-secret-change-me".getBytes(), "HmacSHA256"));
        return header + "." + payload + "." + b64(mac.doFinal((header + "." + payload).getBytes()));
    }

    private static String b64(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
