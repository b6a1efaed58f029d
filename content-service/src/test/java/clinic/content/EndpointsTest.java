package clinic.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Staff endpoints: roles, the printable aftercare plan, and problems that name the field. */
@QuarkusTest
class EndpointsTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "frontdesk, frontdesk, 200",
            "clinician, clinician, 200",
            "admin,     admin,     200",
            "visitor,   visitor,   403",
            "frontdesk, wrong,     401",
    })
    void aftercarePlanNeedsAStaffRole(String user, String password, int status) {
        given().auth().preemptive().basic(user, password).get("/api/aftercare/MICRONEEDLING").then().statusCode(status);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/api/aftercare/MICRONEEDLING").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/appointments/{id}/messages", UUID.randomUUID()).then().statusCode(401);
        given().auth().preemptive().basic("visitor", "visitor").get("/api/appointments/{id}/messages", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void microneedlingPlanListsStepsContentRedFlagsContactAndReferences() {
        given().auth().preemptive().basic("frontdesk", "frontdesk").get("/api/aftercare/microneedling").then()
                .statusCode(200)
                .body("procedure", equalTo("MICRONEEDLING"))
                .body("steps.offset", contains("PT0S", "PT24H", "PT48H", "PT72H", "P7D"))
                .body("steps[0].essential", equalTo(true))
                .body("steps[1].essential", equalTo(false))
                .body("steps[0].whatIsNormal", hasItem(containsString("moderate sunburn")))
                .body("steps[1].advice", hasItem(containsString("makeup for 24 to 72 hours")))
                .body("steps.redFlags", everyItem(hasSize(4)))
                .body("steps[0].references", hasItem("TIJANI-2023"))
                .body("references", hasKey("LATIFALTOJAR-2025"))
                .body("contact.phone", equalTo("+48 22 000 00 00"))
                .body("contact.address", containsString("Przykladowa"));
    }

    @Test
    void microdermabrasionPlanHasTwoStepsAndNoUnsupportedClaims() {
        given().auth().preemptive().basic("clinician", "clinician").get("/api/aftercare/MICRODERMABRASION").then()
                .statusCode(200)
                .body("steps.offset", contains("PT0S", "PT24H"))
                .body("steps[0].references", hasItem("JARZABEK-PERZ-2023"))
                .body(not(containsString("collagen")))
                .body(not(containsString("acne scar")));
    }

    @Test
    void consultationHasAnEmptyPlan() {
        given().auth().preemptive().basic("admin", "admin").get("/api/aftercare/CONSULTATION").then()
                .statusCode(200).body("steps", hasSize(0));
    }

    @Test
    void unknownProcedureIsA400NamingIt() {
        given().auth().preemptive().basic("frontdesk", "frontdesk").get("/api/aftercare/DERMABRASION").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("procedure"))
                .body("detail", containsString("DERMABRASION"));
    }

    @Test
    void messagesOfAnUnknownOrMalformedAppointment() {
        given().auth().preemptive().basic("frontdesk", "frontdesk").get("/api/appointments/{id}/messages", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().preemptive().basic("frontdesk", "frontdesk").get("/api/appointments/not-a-uuid/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
