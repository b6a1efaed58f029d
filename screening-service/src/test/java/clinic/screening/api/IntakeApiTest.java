package clinic.screening.api;

import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.putIntake;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import clinic.screening.AdjustableClock;
import clinic.screening.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IntakeApiTest {

    private static final LocalDate TODAY = AdjustableClock.DEFAULT_TODAY;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachPutStoresANewVersionAndAnswersNothingMedical() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> first = healthyIntake(TODAY.minusDays(2));
        first.put("isotretinoin", "TAKING_NOW");
        putIntake(patient, first).statusCode(200)
                .body("keySet()", containsInAnyOrder("patientId", "intakeVersion", "completedOn"))
                .body("patientId", equalTo(patient.toString()))
                .body("intakeVersion", equalTo(1))
                .body("completedOn", equalTo(TODAY.minusDays(2).toString()));

        Map<String, Object> second = healthyIntake(TODAY);
        second.put("activeAcne", true);
        second.put("isotretinoin", "STOPPED");
        second.put("isotretinoinLastDose", TODAY.minusMonths(3).toString());
        clinician().body(second).when().put("/api/intakes/" + patient).then().statusCode(200).body("intakeVersion", equalTo(2));

        clinician().when().get("/api/intakes/" + patient).then().statusCode(200)
                .body("intakeVersion", equalTo(2))
                .body("isotretinoin", equalTo("STOPPED"))
                .body("isotretinoinLastDose", equalTo(TODAY.minusMonths(3).toString()))
                .body("activeAcne", equalTo(true))
                .body("completedOn", equalTo(TODAY.toString()))
                .body("recordedBy", equalTo("clinician"))
                .body("recordedByClinician", equalTo(true))
                .body("recordedAt", notNullValue());
    }

    @Test
    void onlyCliniciansReadIntakeAnswers() {
        UUID patient = Api.patientWithHealthyIntake();
        frontDesk().when().get("/api/intakes/" + patient).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:forbidden"));
        Api.admin().when().get("/api/intakes/" + patient).then().statusCode(403);
        given().when().get("/api/intakes/" + patient).then().statusCode(401);
        clinician().when().get("/api/intakes/" + patient).then().statusCode(200).body("recordedBy", equalTo("frontdesk"));
    }

    @Test
    void adminAndAnonymousCannotRecordAnIntake() {
        UUID patient = UUID.randomUUID();
        Api.admin().body(healthyIntake(TODAY)).when().put("/api/intakes/" + patient).then().statusCode(403);
        given().contentType(ContentType.JSON).body(healthyIntake(TODAY)).when().put("/api/intakes/" + patient).then()
                .statusCode(401);
        clinician().when().get("/api/intakes/" + patient).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "isotretinoin", "bloodThinners", "keloidOrHypertrophicScarring",
            "activeInfectionOrInflammation", "activeAcne", "autoimmuneCondition", "completedOn" })
    void aMissingAnswerIsA400NamingItAndStoresNothing(String field) {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(TODAY);
        intake.put(field, null);
        putIntake(patient, intake).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        clinician().when().get("/api/intakes/" + patient).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}={1}, isotretinoin {2}, lastDose={3} -> 400 on {4}")
    @CsvSource({
            "completedOn, 2026-11-16, NEVER, , completedOn",
            "completedOn, 2026-13-01, NEVER, , completedOn",
            "completedOn, 2026-11-15, STOPPED, 2026-11-16, isotretinoinLastDose",
            "completedOn, 2026-11-10, STOPPED, 2026-11-12, isotretinoinLastDose",
            // a stop needs its date; without one the answer is STOPPED_DATE_UNKNOWN
            "completedOn, 2026-11-10, STOPPED, , isotretinoinLastDose",
            // a date belongs to a stop only
            "completedOn, 2026-11-10, NEVER, 2026-01-01, isotretinoinLastDose",
            "completedOn, 2026-11-10, TAKING_NOW, 2026-01-01, isotretinoinLastDose",
            // the old answer of intakes recorded before the four-way question cannot be given
            "completedOn, 2026-11-10, NOT_RECORDED, , isotretinoin",
            "completedOn, 2026-11-10, maybe, , isotretinoin",
    })
    void impossibleAnswersAreA400NamingTheField(String field, String value, String isotretinoin, String lastDose,
            String expectedField) {
        Map<String, Object> intake = healthyIntake(TODAY);
        intake.put(field, value);
        intake.put("isotretinoin", isotretinoin);
        intake.put("isotretinoinLastDose", lastDose);
        putIntake(UUID.randomUUID(), intake).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(expectedField));
    }

    @Test
    void todayIsTheClinicsDayNotUtcs() {
        // 23:30 UTC on the 15th is already 00:30 on the 16th in Warsaw
        clock.setInstant(Instant.parse("2026-11-15T23:30:00Z"));
        putIntake(UUID.randomUUID(), healthyIntake(LocalDate.of(2026, 11, 16))).statusCode(200);
        putIntake(UUID.randomUUID(), healthyIntake(LocalDate.of(2026, 11, 17))).statusCode(400)
                .body("errors.field", hasItem("completedOn"));
    }

    @Test
    void aMalformedPatientIdIsA400() {
        frontDesk().body(healthyIntake(TODAY)).when().put("/api/intakes/not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("patientId"));
        frontDesk().body("{\"isotretinoin\": ").when().put("/api/intakes/" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
