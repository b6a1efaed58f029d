package clinic.screening.api;

import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.other;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.screening.AdjustableClock;
import clinic.screening.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ReviewApiTest {

    private static final String START = "2026-12-01T10:00:00+01:00";

    private static UUID patientNeedingReview() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("keloidOrHypertrophicScarring", true);
        putIntake(patient, intake).statusCode(200);
        return patient;
    }

    private static String decide(UUID patient, String procedure, String start) {
        return screen(frontDesk(), screening(patient, procedure, start, List.of())).statusCode(200).extract().path("decisionId");
    }

    private static Map<String, Object> review(String decision, String reason) {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("decision", decision);
        body.put("reason", reason);
        return body;
    }

    @Test
    void aClinicianReviewsANeedsReviewDecisionOnceAndTheFrontDeskSeesOnlyTheVerdict() {
        String decisionId = decide(patientNeedingReview(), "MICRONEEDLING", START);

        clinician().body(review("APPROVE", "Small keloid on the back only; face fine.")).when()
                .post("/api/screenings/" + decisionId + "/review").then().statusCode(200)
                .body("decisionId", equalTo(decisionId))
                .body("decision", equalTo("APPROVE"))
                .body("reason", equalTo("Small keloid on the back only; face fine."))
                .body("reviewedBy", equalTo("clinician"))
                .body("reviewedAt", notNullValue());

        clinician().body(review("DENY", "changed my mind")).when().post("/api/screenings/" + decisionId + "/review").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:review-not-allowed"));
        // the same verdict again (its first answer was lost on the way) gets the stored review, not a second one
        clinician().body(review("APPROVE", "sent again after a timeout")).when()
                .post("/api/screenings/" + decisionId + "/review").then().statusCode(200)
                .body("decision", equalTo("APPROVE"))
                .body("reason", equalTo("Small keloid on the back only; face fine."));

        frontDesk().when().get("/api/screenings/" + decisionId).then().statusCode(200)
                .body("review.keySet()", containsInAnyOrder("decision", "reviewedAt"))
                .body("review.decision", equalTo("APPROVE"));
        clinician().when().get("/api/screenings/" + decisionId).then().statusCode(200)
                .body("review.reason", equalTo("Small keloid on the back only; face fine."));
    }

    @Test
    void onlyNeedsReviewDecisionsCanBeReviewed() {
        String cleared = decide(Api.patientWithHealthyIntake(), "MICRODERMABRASION", START);
        String needsIntake = decide(UUID.randomUUID(), "MICRODERMABRASION", START);
        for (String decisionId : List.of(cleared, needsIntake)) {
            clinician().body(review("APPROVE", "fine")).when().post("/api/screenings/" + decisionId + "/review").then()
                    .statusCode(409).body("type", equalTo("urn:clinic:problem:review-not-allowed"));
        }
        clinician().body(review("APPROVE", "fine")).when().post("/api/screenings/" + UUID.randomUUID() + "/review").then()
                .statusCode(404);
    }

    @Test
    void onlyCliniciansReviewAndAReviewNeedsAVerdictAndAReason() {
        String decisionId = decide(patientNeedingReview(), "MICRONEEDLING", START);
        frontDesk().body(review("APPROVE", "ok")).when().post("/api/screenings/" + decisionId + "/review").then().statusCode(403);
        Api.admin().body(review("APPROVE", "ok")).when().post("/api/screenings/" + decisionId + "/review").then().statusCode(403);
        clinician().body(review("APPROVE", "   ")).when().post("/api/screenings/" + decisionId + "/review").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        clinician().body(review(null, "ok")).when().post("/api/screenings/" + decisionId + "/review").then()
                .statusCode(400).body("errors.field", hasItem("decision"));
        clinician().body(review("MAYBE", "ok")).when().post("/api/screenings/" + decisionId + "/review").then()
                .statusCode(400).body("errors.field", hasItem("decision"));
        // none of the refused attempts counted: the real review still goes through
        clinician().body(review("DENY", "scarring risk too high")).when().post("/api/screenings/" + decisionId + "/review")
                .then().statusCode(200);
    }

    @Test
    void thePendingQueueHoldsUnreviewedNeedsReviewDecisionsOnly() {
        UUID patient = patientNeedingReview();
        String pending = decide(patient, "MICRONEEDLING", START);
        String reviewed = decide(patient, "MICRODERMABRASION", "2026-12-20T10:00:00+01:00");
        String cleared = decide(Api.patientWithHealthyIntake(), "MICRONEEDLING", START);
        clinician().body(review("APPROVE", "ok")).when().post("/api/screenings/" + reviewed + "/review").then().statusCode(200);

        List<String> queue = clinician().when().get("/api/screenings/pending-review").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.everyItem(equalTo("NEEDS_REVIEW")))
                .extract().jsonPath().getList("decisionId");
        assertThat(queue).contains(pending).doesNotContain(reviewed, cleared);
        frontDesk().when().get("/api/screenings/pending-review").then().statusCode(403);
    }

    @Test
    void aDecisionSupersededByAReScreenOfTheSameAppointmentLeavesTheQueue() {
        UUID patient = patientNeedingReview();
        String appointment = UUID.randomUUID().toString();
        Map<String, Object> request = screening(patient, "MICRONEEDLING", START, List.of());
        request.put("appointmentId", appointment);
        String first = screen(frontDesk(), request).statusCode(200).extract().path("decisionId");
        String second = screen(frontDesk(), request).statusCode(200).extract().path("decisionId");
        List<String> queue = clinician().when().get("/api/screenings/pending-review").then().statusCode(200)
                .extract().jsonPath().getList("decisionId");
        assertThat(queue).contains(second).doesNotContain(first);
    }

    @Test
    void thePatientsAuditTrailListsDecisionsAndReviewsNewestFirst() {
        UUID patient = patientNeedingReview();
        String first = decide(patient, "MICRONEEDLING", START);
        clinician().body(review("APPROVE", "ok for microneedling")).when().post("/api/screenings/" + first + "/review").then()
                .statusCode(200);
        String second = screen(Api.admin(), screening(patient, "MICRODERMABRASION", "2026-12-02T10:00:00+01:00",
                List.of(other("MICRONEEDLING", START, "CONFIRMED")))).statusCode(200).extract().path("decisionId");
        String third = decide(patient, "CONSULTATION", START);

        JsonPath trail = clinician().when().get("/api/patients/" + patient + "/screenings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("decisionId")).containsExactly(third, second, first);
        assertThat(trail.getList("outcome")).containsExactly("CLEARED", "BLOCKED", "NEEDS_REVIEW");
        assertThat(trail.getList("decidedBy")).containsExactly("frontdesk", "admin", "frontdesk");
        assertThat(trail.getString("[2].review.reason")).isEqualTo("ok for microneedling");
        assertThat(trail.getString("[2].review.reviewedBy")).isEqualTo("clinician");
        assertThat(trail.getString("[1].earliestEligibleStart")).isNotNull();
        assertThat(trail.getList("[1].inputs.otherAppointments.procedure")).containsExactly("MICRONEEDLING");

        frontDesk().when().get("/api/patients/" + patient + "/screenings").then().statusCode(403);
        clinician().when().get("/api/patients/" + UUID.randomUUID() + "/screenings").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void theAdminAuditsWhoDecidedAndReviewedWithoutSeeingMedicalDetail() {
        UUID patient = patientNeedingReview();
        String decision = decide(patient, "MICRONEEDLING", START);
        clinician().body(review("APPROVE", "healing history discussed")).when().post("/api/screenings/" + decision + "/review")
                .then().statusCode(200);

        JsonPath audit = Api.admin().when().get("/api/patients/" + patient + "/screenings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("decisionId")).containsExactly(decision);
        assertThat(audit.getString("[0].outcome")).isEqualTo("NEEDS_REVIEW");
        assertThat(audit.getString("[0].procedure")).isEqualTo("MICRONEEDLING");
        assertThat(audit.getString("[0].decidedBy")).isEqualTo("frontdesk");
        assertThat(audit.getString("[0].decidedAt")).isNotNull();
        assertThat(audit.getInt("[0].policyVersion")).isPositive();
        assertThat(audit.getString("[0].review.decision")).isEqualTo("APPROVE");
        assertThat(audit.getString("[0].review.reviewedBy")).isEqualTo("clinician");
        assertThat(audit.getString("[0].reasons[0].frontDeskMessage")).isNotBlank();
        // no medical detail: no clinician messages, no inputs, no reviewer's reasoning
        String body = Api.admin().when().get("/api/patients/" + patient + "/screenings").then().statusCode(200)
                .extract().asString();
        assertThat(body).doesNotContain("clinicianMessage", "inputs", "healing history", "\"reason\"");
    }
}
