package clinic.screening.api;

import static clinic.screening.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import clinic.screening.AdjustableClock;
import clinic.screening.Api;
import clinic.screening.ScreeningTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Self-service intake: the front desk makes a link, the patient answers on the public page without
 * signing in, and the answers become an intake version like any other (announced, so booking
 * screens again). A link works once, for its patient only, until it expires or is replaced.
 */
@QuarkusTest
class SelfServiceIntakeTest {

    private static final LocalDate TODAY = AdjustableClock.DEFAULT_TODAY;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String link(String patientId) {
        String link = as("frontdesk").body(Map.of("patientId", patientId)).post("/api/intake-invitations")
                .then().statusCode(201).body("link", startsWith("http://localhost:8081/intake/#v1."))
                .extract().path("link");
        return link.substring(link.indexOf('#') + 1);
    }

    private static RequestSpecification patient(String token) {
        return given().header("Intake-Token", token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> answers() {
        Map<String, Object> answers = new HashMap<>(Api.healthyIntake(TODAY));
        answers.remove("completedOn");
        return answers;
    }

    @Test
    void aPatientAnswersThroughTheLinkOnceAndTheFrontDeskSeesTheIntakeReceived() {
        String patientId = UUID.randomUUID().toString();
        as("admin").body(Map.of("patientId", patientId)).post("/api/intake-invitations").then().statusCode(403);
        as("frontdesk").get("/api/intake-status/" + patientId).then().statusCode(200)
                .body("state", equalTo("NONE")).body("invitation", nullValue());
        String token = link(patientId);
        as("frontdesk").get("/api/intake-status/" + patientId).then().statusCode(200)
                .body("state", equalTo("NONE")).body("invitation.state", equalTo("WAITING"));

        patient(token).get("/public/intake/link").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .body("clinicName", equalTo("Clinic of Aesthetic Dermatology"));
        Map<String, Object> missing = answers();
        missing.remove("activeAcne");
        patient(token).body(missing).post("/public/intake/answers").then().statusCode(400)
                .body("errors.field", hasItem("activeAcne"));
        patient(token).body(answers()).post("/public/intake/answers").then().statusCode(200).body("received", equalTo(true));

        as("frontdesk").get("/api/intake-status/" + patientId).then().statusCode(200)
                .body("state", equalTo("VALID")).body("latestVersion", equalTo(1))
                .body("completedOn", equalTo(TODAY.toString())).body("validUntil", equalTo(TODAY.plusDays(90).toString()))
                .body("answeredByPatient", equalTo(true))
                .body("invitation.state", equalTo("RECEIVED")).body("invitation.intakeVersion", equalTo(1));
        // recorded like any intake: a clinician reads it, booking is told of the new version
        as("clinician").get("/api/intakes/" + patientId).then().statusCode(200)
                .body("recordedBy", equalTo("patient (self-service link)")).body("recordedByClinician", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> ScreeningTopic.all().stream()
                .anyMatch(e -> patientId.equals(e.key()) && "IntakeRecorded".equals(e.value().path("type").asText())));

        patient(token).body(answers()).post("/public/intake/answers").then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:intake-link-used"))
                // the page tells the patient whom to call
                .body("clinicName", equalTo("Clinic of Aesthetic Dermatology")).body("clinicPhone", equalTo("+48 22 000 00 00"));
        patient(token).get("/public/intake/link").then().statusCode(410);
    }

    @Test
    void aPatientsOwnAnswersDoNotLiftWhatAClinicianRecorded() {
        UUID patientId = UUID.randomUUID();
        Map<String, Object> infection = new HashMap<>(Api.healthyIntake(TODAY));
        infection.put("activeInfectionOrInflammation", true);
        as("clinician").body(infection).put("/api/intakes/" + patientId).then().statusCode(200);
        Map<String, Object> microneedling = Api.screening(patientId, "MICRONEEDLING", TODAY.plusDays(3) + "T10:00:00+01:00",
                java.util.List.of());
        Api.screen(as("frontdesk"), microneedling).statusCode(200).body("outcome", equalTo("BLOCKED"));

        // the patient answers "no" to everything through a link: not cleared without a clinician
        patient(link(patientId.toString())).body(answers()).post("/public/intake/answers").then().statusCode(200);
        String decisionId = Api.screen(as("frontdesk"), microneedling).statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("reasons.category", hasItem("CLINICIAN_CONFIRMATION"))
                .body("reasons[0].frontDeskMessage", not(containsString("infection")))
                .extract().path("decisionId");
        Api.detail(decisionId).body("reasons.ruleId", hasItem("CLINICIAN_FINDING_NOT_CONFIRMED"))
                .body("reasons.find { it.ruleId == 'CLINICIAN_FINDING_NOT_CONFIRMED' }.clinicianMessage",
                        containsString("ACTIVE_INFECTION"));
        as("frontdesk").body(Map.of("patientId", patientId.toString(), "procedure", "MICRONEEDLING", "from",
                TODAY.plusDays(3).toString(), "to", TODAY.plusDays(3).toString(), "otherAppointments", java.util.List.of()))
                .post("/api/screenings/outlook").then().statusCode(200).body("days[0].outcome", equalTo("NEEDS_REVIEW"));
        // the same answers entered at the front desk: still the clinician's to confirm
        as("frontdesk").body(Api.healthyIntake(TODAY)).put("/api/intakes/" + patientId).then().statusCode(200);
        Api.screen(as("frontdesk"), microneedling).statusCode(200).body("outcome", equalTo("NEEDS_REVIEW"));

        // a clinician recording the healed skin settles it
        as("clinician").body(Api.healthyIntake(TODAY)).put("/api/intakes/" + patientId).then().statusCode(200);
        Api.screen(as("frontdesk"), microneedling).statusCode(200).body("outcome", equalTo("CLEARED"));
    }

    @Test
    void aLinkWorksForItsOwnPatientOnlyAndNotWhenForgedReplacedOrExpired() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstToken = link(first);
        String secondToken = link(second);
        // the first link's signature with the second link's invitation: another patient, refused
        String[] a = firstToken.split("\\.");
        String[] b = secondToken.split("\\.");
        patient(String.join(".", a[0], b[1], b[2], a[3])).get("/public/intake/link").then().statusCode(404)
                .body("type", equalTo("urn:clinic:problem:intake-link-invalid"));
        patient(String.join(".", a[0], a[1], String.valueOf(Long.parseLong(a[2]) + 86400), a[3])).get("/public/intake/link")
                .then().statusCode(404);
        patient("nonsense").get("/public/intake/link").then().statusCode(404);
        given().get("/public/intake/link").then().statusCode(404).body("clinicName", equalTo("Clinic of Aesthetic Dermatology"));

        String newer = link(first);
        patient(firstToken).get("/public/intake/link").then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:intake-link-replaced"));
        patient(newer).get("/public/intake/link").then().statusCode(200);

        clock.setToday(TODAY.plusDays(4));
        patient(newer).body(answers()).post("/public/intake/answers").then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:intake-link-expired")).body("clinicPhone", equalTo("+48 22 000 00 00"));
        as("frontdesk").get("/api/intake-status/" + first).then().body("invitation.state", equalTo("EXPIRED"))
                .body("state", equalTo("NONE"));
        as("frontdesk").get("/api/intake-status/" + second).then().body("invitation.state", equalTo("EXPIRED"));
    }

    @Test
    void thePublicPageIsServedWithoutSignInAndTheStaffEndpointsStillNeedIt() {
        String page = given().get("/intake/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("Referrer-Policy", "no-referrer").extract().asString();
        assertTrue(page.contains("intake.js"), page);
        given().get("/api/intake-status/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("patientId", UUID.randomUUID().toString()))
                .post("/api/intake-invitations").then().statusCode(401);
        assertFalse(page.contains("http://") && page.contains("https://"), "the page loads nothing from elsewhere");
    }

    @Test
    void theOutlookSaysWhichDaysAreBlockedWhyAndTheFirstDayThatIsNot() {
        String patientId = UUID.randomUUID().toString();
        Map<String, Object> intake = new HashMap<>(Api.healthyIntake(TODAY));
        as("frontdesk").body(intake).put("/api/intakes/" + patientId).then().statusCode(200);
        String microneedlingDay = TODAY.plusDays(10).toString(); // a winter day: +01:00 in the clinic
        Map<String, Object> other = Map.of("appointmentId", UUID.randomUUID().toString(), "procedure", "MICRONEEDLING",
                "start", microneedlingDay + "T10:00:00+01:00", "status", "CONFIRMED");
        Map<String, Object> request = Map.of("patientId", patientId, "procedure", "MICRODERMABRASION",
                "from", TODAY.plusDays(5).toString(), "to", TODAY.plusDays(30).toString(), "otherAppointments", java.util.List.of(other));
        as("frontdesk").body(request).post("/api/screenings/outlook").then().statusCode(200)
                // microdermabrasion may not come in the 7 days before the microneedling, nor in the 14 from its day
                .body("days[0].first", equalTo(TODAY.plusDays(5).toString())).body("days[0].outcome", equalTo("BLOCKED"))
                .body("days[0].last", equalTo(TODAY.plusDays(23).toString()))
                .body("days[0].categories", equalTo(java.util.List.of("PROCEDURE_INTERVAL")))
                .body("days[0].earliestEligibleDay", equalTo(TODAY.plusDays(24).toString()))
                .body("days[1].first", equalTo(TODAY.plusDays(24).toString())).body("days[1].outcome", equalTo("CLEARED"))
                .body("days[1].earliestEligibleDay", nullValue());
        as("frontdesk").body(Map.of("patientId", UUID.randomUUID().toString(), "procedure", "MICRONEEDLING",
                "from", TODAY.toString(), "to", TODAY.plusDays(3).toString())).post("/api/screenings/outlook").then().statusCode(200)
                .body("days[0].outcome", equalTo("NEEDS_INTAKE")).body("days[0].categories", hasItem("INTAKE_NEEDED"))
                .body("days[0].earliestEligibleDay", nullValue());
        as("frontdesk").body(Map.of("patientId", patientId, "procedure", "MICRONEEDLING",
                "from", TODAY.toString(), "to", TODAY.plusDays(80).toString())).post("/api/screenings/outlook").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }
}
