package clinic.screening.api;

import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.screening.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Medical answers are taken exactly as typed or not at all: a misspelt question, an answer of the
 * wrong JSON type, "" for a missing answer, an answer given twice or a control character is a
 * 400 naming the field, and nothing is stored.
 */
@QuarkusTest
class StrictInputApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "2026-12-01T10:00:00+01:00";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "misspelt question        | activeAcnee   | false          | activeAcnee   | is not a field of this request",
            "answer as text           | activeAcne    | \"true\"       | activeAcne    | must be true or false",
            "answer as number         | bloodThinners | 1              | bloodThinners | must be true or false",
            "empty answer             | bloodThinners | \"\"           | bloodThinners | must be true or false",
            "number as a date         | completedOn   | 20000          | completedOn   | must be a date (YYYY-MM-DD)",
            "empty date               | completedOn   | \"\"           | completedOn   | must be a date (YYYY-MM-DD)" })
    void aRefusedIntakeAnswerIsNamedAndNothingIsStored(String name, String field, String json, String expectedField,
            String message) throws Exception {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put(field, JSON.readTree(json));
        frontDesk().body(JSON.writeValueAsString(intake)).when().put("/api/intakes/" + patient).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:invalid-request"))
                .body("errors.field", hasItem(expectedField))
                .body("errors.message", hasItem(message));
        clinician().when().get("/api/intakes/" + patient).then().statusCode(404);
    }

    @Test
    void anAnswerGivenTwiceIsRefusedAndNothingIsStored() throws Exception {
        UUID patient = UUID.randomUUID();
        String intake = JSON.writeValueAsString(healthyIntake(AdjustableClock.DEFAULT_TODAY));
        String twice = intake.substring(0, intake.length() - 1) + ",\"activeAcne\":true}";
        frontDesk().body(twice).when().put("/api/intakes/" + patient).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("activeAcne"))
                .body("errors.message", hasItem("is given more than once"));
        frontDesk().body(intake + " {}").when().put("/api/intakes/" + patient).then().statusCode(400)
                .body("errors.message", hasItem("has more content after the JSON value"));
        clinician().when().get("/api/intakes/" + patient).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "number as start          | start                         | 1796111600",
            "empty patient id         | patientId                     | \"\"",
            "procedure by number      | procedure                     | 1",
            "other appointment start  | otherAppointments[0].start    | 1796111600" })
    void aRefusedScreeningRequestIsNamedAndNoDecisionIsRecorded(String name, String field, String json) throws Exception {
        UUID patient = UUID.randomUUID();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        Map<String, Object> other = clinic.screening.Api.other("MICRONEEDLING", "2026-11-20T10:00:00+01:00", "COMPLETED");
        Map<String, Object> request = screening(patient, "MICRODERMABRASION", START, List.of(other));
        if (field.startsWith("otherAppointments")) {
            other.put("start", JSON.readTree(json));
            request.put("otherAppointments", List.of(other));
        } else {
            request.put(field, JSON.readTree(json));
        }
        frontDesk().body(JSON.writeValueAsString(request)).when().post("/api/screenings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        clinician().when().get("/api/patients/" + patient + "/screenings").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aReviewReasonMayRunOverSeveralLinesButHoldNoOtherControlCharacter() throws JsonProcessingException {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("keloidOrHypertrophicScarring", true);
        putIntake(patient, intake).statusCode(200);
        String decisionId = screen(frontDesk(), screening(patient, "MICRONEEDLING", START, List.of())).statusCode(200)
                .extract().path("decisionId");

        clinician().body("{\"decision\":\"APPROVE\",\"reason\":\"keloid on the back\\u0000\"}").when()
                .post("/api/screenings/" + decisionId + "/review").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reason"))
                .body("errors.message", hasItem("contains a control character (U+0000)"));
        clinician().when().get("/api/screenings/" + decisionId).then().statusCode(200).body("review", equalTo(null));

        String reason = "Keloid on the back only.\r\n\tFace examined: fine.";
        clinician().body(Map.of("decision", "APPROVE", "reason", reason)).when()
                .post("/api/screenings/" + decisionId + "/review").then().statusCode(200)
                .body("reason", equalTo(reason));
    }

    @Test
    void aControlCharacterInAPathParameterIsNamed() {
        frontDesk().urlEncodingEnabled(false).body(healthyIntake(AdjustableClock.DEFAULT_TODAY)).when()
                .put("/api/intakes/%00").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patientId"))
                .body("errors.message", hasItem("contains a control character (U+0000)"));
    }

    @Test
    void requestsOverTheSizeLimitsAreProblemJson() {
        clinician().when().get("/api/intakes/" + UUID.randomUUID() + "?padding=" + "a".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:uri-too-long"));
        clinician().header("X-Padding", "a".repeat(30_000)).when().get("/api/policy").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:headers-too-large"));
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("padding", "a".repeat(1_100_000));
        frontDesk().body(intake).when().put("/api/intakes/" + patient).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:body-too-large"));
        clinician().when().get("/api/intakes/" + patient).then().statusCode(404);
    }
}
