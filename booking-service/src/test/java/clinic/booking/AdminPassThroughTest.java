package clinic.booking;

import static clinic.booking.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.booking.support.ContentStub;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The admin reaches the safety policy, a patient's screening audit and message delivery through
 * booking: JSON passes through unchanged, booking checks the same roles as the owning service (and
 * forwards the caller's credentials, so that service checks them too), refusals pass through and
 * an unreachable service is a 503 with nothing changed.
 */
@QuarkusTest
class AdminPassThroughTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void reset() {
        ScreeningStub.reset();
        ContentStub.failing(false);
    }

    @Test
    void everyRoleReadsThePolicyAsScreeningWritesIt() {
        for (String user : new String[] { "frontdesk", "clinician", "admin" }) {
            as(user).get("/api/policy").then().statusCode(200)
                    .body("version", equalTo(3))
                    .body("fieldOnlyScreeningKnows", equalTo(java.util.List.of(1, 2)));
        }
        as("admin").get("/api/policy/versions").then().statusCode(200).body("version", hasItem(4));
        assertTrue(ScreeningStub.lastAuthorization().startsWith("Basic "), "the caller's credentials went to screening");
    }

    @Test
    void onlyTheAdminChangesThePolicyAndTheBodyGoesToScreeningUnchanged() throws Exception {
        String change = "{\"windows\":{\"isotretinoinWashoutMonths\":9},\"aShapeBookingDoesNotKnow\":{\"nested\":[true,null]},"
                + "\"changeNote\":\"longer washout\"}";
        as("frontdesk").body(change).put("/api/policy").then().statusCode(403);
        as("clinician").body(change).put("/api/policy").then().statusCode(403);
        assertNull(ScreeningStub.lastPolicyChange(), "a refused change never reaches screening");

        as("admin").body(change).put("/api/policy").then().statusCode(200).body("version", equalTo(4));
        assertEquals(JSON.readTree(change), JSON.readTree(ScreeningStub.lastPolicyChange()));
    }

    @Test
    void screeningsRefusalOfAPolicyPassesThroughWithItsFieldErrors() {
        as("admin").body("{\"windows\":{\"negative\":true}}").put("/api/policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:invalid-request"))
                .body("errors.field", hasItem("windows.isotretinoinWashoutMonths"));
    }

    @Test
    void anUnreachableScreeningIsA503AndNothingIsChanged() {
        ScreeningStub.mode(ScreeningStub.Mode.ERROR);
        as("admin").body("{\"windows\":{}}").put("/api/policy").then().statusCode(503)
                .header("Retry-After", equalTo("10"))
                .body("type", equalTo("urn:clinic:problem:screening-unavailable"));
        as("admin").get("/api/patients/" + UUID.randomUUID() + "/screenings").then().statusCode(503);
    }

    @Test
    void theScreeningAuditIsForCliniciansAndTheAdmin() {
        String patient = UUID.randomUUID().toString();
        as("admin").get("/api/patients/" + patient + "/screenings").then().statusCode(200)
                .body("[0].decidedBy", equalTo("frontdesk"));
        as("clinician").get("/api/patients/" + patient + "/screenings").then().statusCode(200);
        as("frontdesk").get("/api/patients/" + patient + "/screenings").then().statusCode(403);
        as("admin").get("/api/patients/not-a-uuid/screenings").then().statusCode(400).body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void messagesNeedingAttentionAreForEveryRoleWithTheirFiltersForwarded() {
        as("clinician").queryParam("status", "FAILED", "DROPPED").queryParam("limit", "50").get("/api/messages/attention").then()
                .statusCode(200).body("[0].status", equalTo("FAILED"));
        assertTrue(ContentStub.lastQuery().contains("status=FAILED") && ContentStub.lastQuery().contains("status=DROPPED"),
                ContentStub.lastQuery());
        assertTrue(ContentStub.lastQuery().contains("limit=50"), ContentStub.lastQuery());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("clinician:clinician".getBytes()),
                ContentStub.lastAuthorization());
        as("frontdesk").get("/api/messages/attention").then().statusCode(200);
        given().get("/api/messages/attention").then().statusCode(401);

        ContentStub.failing(true);
        as("admin").get("/api/messages/attention").then().statusCode(503)
                .body("type", equalTo("urn:clinic:problem:content-unavailable"));
    }
}
