package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import clinic.booking.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Bad input gets a 4xx problem+json that names what is wrong, never a 500 and never a write. */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest(name = "availability {0}")
    @CsvSource(delimiter = '|', value = {
            "procedure=DERMABRASION&from=2030-01-07&to=2030-01-08 | procedure",
            "from=2030-01-07&to=2030-01-08                        | procedure",
            "procedure=MICRONEEDLING&from=2030-01-08&to=2030-01-07 | to",
            "procedure=MICRONEEDLING&from=2030-01-01&to=2030-03-31 | to",
            "procedure=MICRONEEDLING&from=07.01.2030&to=2030-01-08 | from",
            "procedure=MICRONEEDLING&from=2030-01-07&to=2030-01-08&practitionerId=nope | practitionerId" })
    void availabilityNamesTheBadParameter(String query, String field) {
        as("frontdesk").get("/api/availability?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void unknownPatientInAvailabilityIs422() {
        as("frontdesk").get("/api/availability?procedure=MICRONEEDLING&from=2030-01-07&to=2030-01-08&patientId=" + UUID.randomUUID())
                .then().statusCode(422).body("errors.field", hasItem("patientId"));
    }

    @ParameterizedTest(name = "booking {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown procedure    | {\"patientId\":\"%s\",\"procedure\":\"DERMABRASION\",\"start\":\"%s\"}       | 400 | procedure",
            "start in the past    | {\"patientId\":\"%s\",\"procedure\":\"MICRONEEDLING\",\"start\":\"2001-01-02T10:00:00+01:00\"} | 400 | start",
            "missing start        | {\"patientId\":\"%s\",\"procedure\":\"MICRONEEDLING\"}                           | 400 | start",
            "start not a time     | {\"patientId\":\"%s\",\"procedure\":\"MICRONEEDLING\",\"start\":\"tomorrow\"}    | 400 | start",
            "unknown patient      | {\"patientId\":\"00000000-0000-4000-8000-000000000999\",\"procedure\":\"MICRONEEDLING\",\"start\":\"%2$s\"} | 422 | patientId",
            "outside hours        | {\"patientId\":\"%s\",\"procedure\":\"MICRONEEDLING\",\"start\":\"%3$s\"}         | 422 | start" })
    void bookingNamesTheBadField(String name, String template, int status, String field) {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String body = String.format(template, patient, Api.at(day, 11, 0), Api.at(day, 6, 0));
        as("frontdesk").body(body).post("/api/appointments").then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().body("size()", equalTo(0));
    }

    @Test
    void malformedJsonIs400() {
        as("frontdesk").body("{\"patientId\": ").post("/api/appointments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:malformed-json"));
    }

    @Test
    void invalidPatientFieldsAreNamed() {
        as("frontdesk").body(Map.of("firstName", "", "lastName", "X", "email", "not-an-email", "dateOfBirth", "2999-01-01"))
                .post("/api/patients").then().statusCode(400)
                .body("errors.find { it.field == 'firstName' }.message", equalTo("is required"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("dateOfBirth"));
    }

    @Test
    void aDateOfBirthMoreThan120YearsAgoIsRefusedAsATypoOnRegistrationAndCorrection() {
        Map<String, Object> typo = Map.of("firstName", "Zofia", "lastName", "Stara", "email", "zofia.stara@example.org",
                "dateOfBirth", LocalDate.now().minusYears(121).toString());
        as("frontdesk").body(typo).post("/api/patients").then().statusCode(400)
                .body("errors.field", equalTo(List.of("dateOfBirth")))
                .body("errors.message[0]", equalTo("is more than 120 years ago; please check the year"));
        String patient = Api.newPatient();
        Map<String, Object> details = as("frontdesk").get("/api/patients/" + patient).then().extract().jsonPath().getMap("$");
        Map<String, Object> corrected = new java.util.HashMap<>(details);
        corrected.remove("id");
        corrected.put("dateOfBirth", typo.get("dateOfBirth"));
        as("frontdesk").body(corrected).put("/api/patients/" + patient).then().statusCode(400)
                .body("errors.field", equalTo(List.of("dateOfBirth")));
        as("frontdesk").get("/api/patients/" + patient).then().body("dateOfBirth", equalTo(details.get("dateOfBirth")));
    }

    @Test
    void everyApiNeedsSignInAndTheRightRole() {
        RestAssured.given().get("/api/patients").then().statusCode(401);
        RestAssured.given().auth().preemptive().basic("frontdesk", "wrong").get("/api/patients").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsStringIgnoringCase("basic"));
        // the front-desk screens have their own sign-in form: no challenge that would open the browser's dialog
        RestAssured.given().header("X-Requested-With", "JavaScript").auth().preemptive().basic("frontdesk", "wrong")
                .get("/api/patients").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        as("admin").body(Map.of("decision", "APPROVE", "reason", "fine", "decisionId", UUID.randomUUID().toString()))
                .post("/api/appointments/" + UUID.randomUUID() + "/review").then().statusCode(403);
        // booking is the front desk's: an admin who booked could neither move nor cancel it
        as("admin").body(Map.of("patientId", UUID.randomUUID().toString(), "procedure", "CONSULTATION",
                "start", "2030-01-08T10:00:00+01:00")).post("/api/appointments").then().statusCode(403);
        as("frontdesk").get("/api/appointments/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", containsString("does not exist"));
    }
}
