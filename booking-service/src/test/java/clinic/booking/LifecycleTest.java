package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import clinic.booking.support.EventLog;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/** Guarded status changes, review, reschedule, idempotent retries, and the events they publish. */
@QuarkusTest
class LifecycleTest {

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    @Test
    void illegalTransitionsAre409() {
        String id = book("MICRODERMABRASION", Api.freshTuesday(), 10);
        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:illegal-transition"));
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(409);
        as("frontdesk").body(Map.of("start", Api.at(Api.freshTuesday(), 10, 0)))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(409);
    }

    @Test
    void cancelledTimeIsFreeAgain() {
        LocalDate day = Api.freshTuesday();
        String first = book("MICRODERMABRASION", day, 10);
        as("frontdesk").body(Map.of("reason", "CLINIC_REQUEST")).post("/api/appointments/" + first + "/cancel").then().statusCode(200);
        as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "MICRODERMABRASION",
                "start", Api.at(day, 10, 0), "practitionerId", Api.EWA, "roomId", Api.ROOM_1))
                .post("/api/appointments").then().statusCode(201);
    }

    @Test
    void needsReviewHoldsTheSlotUntilAClinicianApproves() {
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        String id = book("MICRONEEDLING", Api.freshTuesday(), 10);
        String decision = as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("PENDING_REVIEW"))
                .body("screening.categories", hasItem("MEDICAL_HISTORY"))
                .body("actions", hasItem("REVIEW"))
                .extract().path("screening.decisionId");
        as("clinician").get("/api/appointments/pending-review").then().body("id", hasItem(id));
        as("frontdesk").body(review("APPROVE", "checked", decision)).post("/api/appointments/" + id + "/review")
                .then().statusCode(403);
        as("clinician").body(review("APPROVE", "history checked with the patient", decision))
                .post("/api/appointments/" + id + "/review").then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("screening.reviewVerdict", equalTo("APPROVE"));
        assertEquals(1, ScreeningStub.reviews());
        // the same verdict again (its answer was lost on the way) gets the same answer and changes nothing
        as("clinician").body(review("APPROVE", "sent again", decision))
                .post("/api/appointments/" + id + "/review").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as("clinician").body(review("DENY", "changed my mind", decision))
                .post("/api/appointments/" + id + "/review").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:review-not-allowed"));
        assertEquals(1, ScreeningStub.reviews());
        as("clinician").get("/api/appointments/pending-review").then().body("id", not(hasItem(id)));
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 2);
        assertEquals(List.of("AppointmentPendingReview", "AppointmentConfirmed"), types(id));
    }

    @Test
    void anApprovalOfADecisionThatWasReplacedDuringTheReviewConfirmsNothing() {
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        LocalDate day = Api.freshTuesday();
        String id = book("MICRONEEDLING", day, 10);
        String read = decisionOf(id);
        // the front desk moves the appointment (a new screening, a new decision) while the clinician reviews the old one
        ScreeningStub.onReview(() -> as("frontdesk").body(Map.of("start", Api.at(day.plusDays(1), 12, 0)))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(200));
        String current = as("clinician").body(review("APPROVE", "history checked with the patient", read))
                .post("/api/appointments/" + id + "/review").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:decision-replaced"))
                .extract().path("currentDecisionId");
        as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("PENDING_REVIEW"))
                .body("start", equalTo(Api.at(day.plusDays(1), 12, 0)))
                .body("screening.decisionId", equalTo(current));
        ScreeningStub.onReview(() -> { });
        // a review of a decision that is not (or no longer) the appointment's is refused before screening hears of it
        int reviews = ScreeningStub.reviews();
        as("clinician").body(review("APPROVE", "the old one again", read))
                .post("/api/appointments/" + id + "/review").then().statusCode(409)
                .body("currentDecisionId", equalTo(current));
        assertEquals(reviews, ScreeningStub.reviews());
        as("clinician").body(review("APPROVE", "the new one", current))
                .post("/api/appointments/" + id + "/review").then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void deniedReviewRejects() {
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        String id = book("MICRONEEDLING", Api.freshTuesday(), 10);
        as("clinician").body(review("DENY", "wait for the washout", decisionOf(id)))
                .post("/api/appointments/" + id + "/review").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void blockedBookingIs422WithTheDecisionAndStoresNothing() {
        ScreeningStub.outcome(request -> "BLOCKED");
        String patient = Api.newPatient();
        as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", Api.at(Api.freshTuesday(), 10, 0)))
                .post("/api/appointments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:screening-blocked"))
                .body("screening.outcome", equalTo("BLOCKED"))
                .body("screening.reasons[0].frontDeskMessage", equalTo("test rule: blocked"));
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().body("size()", equalTo(0));
    }

    @Test
    void rescheduleKeepsTheIdRescreensAndPublishes() {
        LocalDate day = Api.freshTuesday();
        String id = book("MICRODERMABRASION", day, 10);
        int screeningsBefore = ScreeningStub.screenings();
        as("frontdesk").body(Map.of("start", Api.at(day.plusDays(1), 12, 0)))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("id", equalTo(id)).body("start", equalTo(Api.at(day.plusDays(1), 12, 0)));
        assertEquals(screeningsBefore + 1, ScreeningStub.screenings());
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 2);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentRescheduled"), types(id));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyGetsTheFirstAnswerAndCreatesNothing() {
        String patient = Api.newPatient();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("patientId", patient, "procedure", "MICRODERMABRASION",
                "start", Api.at(Api.freshTuesday(), 10, 0), "practitionerId", Api.EWA);
        String first = as("frontdesk").header("Idempotency-Key", key).body(body).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
        String again = as("frontdesk").header("Idempotency-Key", key).body(body).post("/api/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().body("size()", equalTo(1));
        as("frontdesk").header("Idempotency-Key", key).body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION",
                "start", Api.at(Api.freshTuesday(), 11, 0))).post("/api/appointments").then().statusCode(422)
                .body("type", equalTo("urn:clinic:problem:idempotency-key-reused"));
    }

    private static String book(String procedure, LocalDate day, int hour) {
        return as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", procedure,
                "start", Api.at(day, hour, 0), "practitionerId", Api.EWA, "roomId", Api.ROOM_1))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> review(String verdict, String reason, String decisionId) {
        return Map.of("decision", verdict, "reason", reason, "decisionId", decisionId);
    }

    static String decisionOf(String appointmentId) {
        return as("frontdesk").get("/api/appointments/" + appointmentId).then().extract().path("screening.decisionId");
    }

    private static List<String> types(String id) {
        return EventLog.of(id).stream().map(EventLog.Event::type).toList();
    }
}
