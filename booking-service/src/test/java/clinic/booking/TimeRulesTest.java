package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import clinic.booking.support.Api;
import clinic.booking.support.MovableClock;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lifecycle follows the clock: check-in on the appointment's own day, no-show once it has
 * started, completion after check-in and not before the start; and moving an appointment never
 * counts it against itself.
 */
@QuarkusTest
class TimeRulesTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void nothingHappensToAnAppointmentDaysAhead() {
        String id = book(Api.freshTuesday(), 10);
        as("frontdesk").get("/api/appointments/" + id).then().body("actions", contains("RESCHEDULE", "CANCEL"));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:not-the-appointments-day"));
        as("frontdesk").post("/api/appointments/" + id + "/no-show").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:appointment-not-started"));
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:illegal-transition"))
                .body("detail", equalTo("The appointment is confirmed and cannot be completed before the patient is checked in."));
        as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void onItsDayTheAppointmentIsCheckedInThenCompletedOnlyOnceStarted() {
        LocalDate day = Api.freshTuesday();
        String id = book(day, 14);
        OffsetDateTime start = OffsetDateTime.parse(Api.at(day, 14, 0));

        clock.moveTo(start.minusHours(5).toInstant());
        as("frontdesk").get("/api/appointments/" + id).then().body("actions", hasItem("CHECK_IN"))
                .body("actions", not(hasItem("NO_SHOW")));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:appointment-not-started"))
                .body("detail", equalTo("The appointment starts at " + Api.deskDay(day) + ", 14:00; it cannot be completed before then."));

        clock.moveTo(start.plusMinutes(20).toInstant());
        as("clinician").body(Map.of("completedAt", Api.at(day, 15, 30))).post("/api/appointments/" + id + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("completedAt"));
        as("clinician").body(Map.of("completedAt", Api.at(day, 13, 50))).post("/api/appointments/" + id + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("completedAt"))
                .body("errors.message", hasItem("must not be before the appointment's start (" + Api.deskDay(day) + ", 14:00)"));
        as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("CHECKED_IN"));
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void aNoShowIsRecordedOnlyAfterTheStart() {
        LocalDate day = Api.freshTuesday();
        String id = book(day, 9);
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 8, 55)).toInstant());
        as("frontdesk").post("/api/appointments/" + id + "/no-show").then().statusCode(409);
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 9, 20)).toInstant());
        as("frontdesk").post("/api/appointments/" + id + "/no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
    }

    @Test
    void aCheckInTheDayBeforeIsRefusedInTheClinicsZone() {
        LocalDate day = Api.freshTuesday();
        String id = book(day, 10);
        // 23:30 UTC the evening before is already 00:30 of the day in Warsaw
        clock.moveTo(day.atStartOfDay(java.time.ZoneOffset.UTC).minusMinutes(30).toInstant());
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200);
        String other = book(day.plusDays(1), 10);
        as("frontdesk").post("/api/appointments/" + other + "/check-in").then().statusCode(409);
    }

    @Test
    void movingAnAppointmentDoesNotCountItAgainstItself() {
        LocalDate day = Api.freshTuesday();
        String patient = Api.newPatient();
        String id = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                "start", Api.at(day, 10, 0), "practitionerId", Api.EWA, "roomId", Api.ROOM_1)).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
        // screening blocks 27 days either side of every microneedling it is told of, as the interval rule does
        ScreeningStub.blockedPeriods(request -> {
            ArrayNode periods = new ObjectMapper().createArrayNode();
            request.path("otherAppointments").forEach(other -> {
                OffsetDateTime at = OffsetDateTime.parse(other.get("start").asText());
                periods.addObject().put("start", at.minusDays(27).toString()).put("end", at.plusDays(28).toString())
                        .put("category", "PROCEDURE_INTERVAL");
            });
            return periods;
        });
        List<String> asANewBooking = slots(Map.of("patientId", patient), day, Api.EWA);
        assertTrue(asANewBooking.isEmpty(), "a second microneedling within 28 days: " + asANewBooking);

        List<String> forTheMove = slots(Map.of("appointmentId", id), day, Api.EWA);
        assertTrue(forTheMove.contains(Api.at(day, 10, 0)), "its own time is free to it: " + forTheMove);
        assertTrue(forTheMove.stream().anyMatch(s -> s.startsWith(day.plusDays(3).toString())), "a few days later: " + forTheMove);
        as("frontdesk").body(Map.of("start", Api.at(day.plusDays(3), 11, 0))).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(200).body("start", equalTo(Api.at(day.plusDays(3), 11, 0)));
        as("frontdesk").queryParams("procedure", "MICRODERMABRASION", "from", day.toString(), "to", day.toString(),
                "appointmentId", id).get("/api/availability").then().statusCode(400).body("errors.field", hasItem("procedure"));
    }

    private static List<String> slots(Map<String, String> who, LocalDate day, String practitioner) {
        return as("frontdesk").queryParams("procedure", "MICRONEEDLING", "from", day.toString(),
                "to", day.plusDays(4).toString(), "practitionerId", practitioner).queryParams(who)
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
    }

    private static String book(LocalDate day, int hour) {
        return as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "MICRODERMABRASION",
                "start", Api.at(day, hour, 0))).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
    }
}
