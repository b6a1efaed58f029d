package clinic.screening.api;

import static clinic.screening.Api.admin;
import static clinic.screening.Api.clinician;
import static clinic.screening.Api.detail;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import clinic.screening.AdjustableClock;
import clinic.screening.Api;
import clinic.screening.ScreeningTopic;
import clinic.screening.policy.DefaultPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * What keeps decisions current after booking: every change to an input (an intake version, a policy
 * version) is announced on the screening topic with nothing medical in it; and an appointment once
 * sent to a clinician is cleared only by a clinician.
 */
@QuarkusTest
class DecisionInputsTest {

    private static final String MN = "MICRONEEDLING";
    private static final String START = "2026-12-01T10:00:00+01:00";

    @Test
    void anIntakeIsAnnouncedWithItsVersionAndNothingMedical() throws Exception {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("activeInfectionOrInflammation", true);
        putIntake(patient, intake).statusCode(200);
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);

        List<ScreeningTopic.Event> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> ofPatient(patient), list -> list.size() == 2);
        assertThat(events).extracting(e -> e.value().get("intakeVersion").asInt()).containsExactly(1, 2);
        JsonSchema schema = schema();
        for (ScreeningTopic.Event event : events) {
            assertThat(event.key()).isEqualTo(patient.toString());
            assertThat(schema.validate(event.value())).isEmpty();
            assertThat(fieldNames(event.value())).containsExactlyInAnyOrder("eventId", "type", "version", "occurredAt",
                    "patientId", "intakeVersion");
            assertThat(event.value().toString()).doesNotContainIgnoringCase("infection").doesNotContain("true");
        }
    }

    @Test
    void aPolicyVersionIsAnnounced() throws Exception {
        int before = frontDesk().when().get("/api/policy").then().extract().path("version");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("windows", Map.of("isotretinoinWashoutMonths", 6, "intakeValidityDays", 90));
        body.put("intervals", DefaultPolicy.load().intervals().stream().map(i -> Map.of("from", i.from().name(),
                "to", i.to().name(), "minimumDays", i.minimumDays(), "sameDayBlocked", i.sameDayBlocked())).toList());
        body.put("changeNote", "announce test");
        admin().body(body).when().put("/api/policy").then().statusCode(200).body("version", equalTo(before + 1));

        JsonNode published = await().atMost(Duration.ofSeconds(20)).until(() -> ScreeningTopic.all().stream()
                .map(ScreeningTopic.Event::value)
                .filter(v -> v.path("type").asText().equals("PolicyPublished") && v.path("policyVersion").asInt() == before + 1)
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(schema().validate(published)).isEmpty();
    }

    @Test
    void aFrontDeskAnswerThatWouldClearAFlaggedAppointmentStillNeedsAClinician() {
        UUID patient = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        putIntake(patient, flagged()).statusCode(200);
        screenAppointment(frontDesk(), patient, appointment).body("outcome", equalTo("NEEDS_REVIEW"));

        // the front desk re-answers "no": the appointment was sent to a clinician, so it stays with one
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        String decisionId = screenAppointment(Api.as("booking-service"), patient, appointment)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("reasons.category", containsInAnyOrder("CLINICIAN_CONFIRMATION"))
                .extract().path("decisionId");
        detail(decisionId).body("reasons.ruleId", containsInAnyOrder("CLINICIAN_CONFIRMATION"));

        // a policy change does not clear it either: the request for a clinician is still open
        screenAppointment(Api.as("booking-service"), patient, appointment).body("outcome", equalTo("NEEDS_REVIEW"));

        // a clinician's own answers may clear it
        clinician().body(healthyIntake(AdjustableClock.DEFAULT_TODAY)).when().put("/api/intakes/" + patient).then()
                .statusCode(200);
        screenAppointment(frontDesk(), patient, appointment).body("outcome", equalTo("CLEARED"));
    }

    @Test
    void anApprovalResolvesTheRequestAndABlockInBetweenDoesNot() {
        UUID patient = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        putIntake(patient, flagged()).statusCode(200);
        String flaggedDecision = screenAppointment(frontDesk(), patient, approved).extract().path("decisionId");
        clinician().body(Map.of("decision", "APPROVE", "reason", "discussed")).when()
                .post("/api/screenings/" + flaggedDecision + "/review").then().statusCode(200);

        UUID blockedMeanwhile = UUID.randomUUID();
        screenAppointment(frontDesk(), patient, blockedMeanwhile).body("outcome", equalTo("NEEDS_REVIEW"));
        Map<String, Object> infection = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        infection.put("activeInfectionOrInflammation", true);
        putIntake(patient, infection).statusCode(200);
        screenAppointment(frontDesk(), patient, blockedMeanwhile).body("outcome", equalTo("BLOCKED"));
        screenAppointment(frontDesk(), patient, approved).body("outcome", equalTo("BLOCKED"));

        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        screenAppointment(frontDesk(), patient, approved).body("outcome", equalTo("CLEARED"));
        screenAppointment(frontDesk(), patient, blockedMeanwhile).body("outcome", equalTo("NEEDS_REVIEW"))
                .body("reasons.category", containsInAnyOrder("CLINICIAN_CONFIRMATION"));
    }

    @Test
    void aStopWithoutADateNeedsAClinician() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("isotretinoin", "STOPPED_DATE_UNKNOWN");
        putIntake(patient, intake).statusCode(200);
        screen(frontDesk(), screening(patient, "MICRODERMABRASION", START, List.of())).statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("reasons.category", containsInAnyOrder("MEDICATION_HISTORY"));
    }

    private static Map<String, Object> flagged() {
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("autoimmuneCondition", true);
        return intake;
    }

    private static io.restassured.response.ValidatableResponse screenAppointment(RequestSpecification as, UUID patient,
            UUID appointment) {
        Map<String, Object> request = screening(patient, MN, START, List.of());
        request.put("appointmentId", appointment.toString());
        return screen(as, request).statusCode(200);
    }

    private static List<ScreeningTopic.Event> ofPatient(UUID patient) {
        return ScreeningTopic.all().stream().filter(e -> patient.toString().equals(e.key())).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = DecisionInputsTest.class.getResourceAsStream("/events/screening-event-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
