package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import clinic.booking.support.Api;
import clinic.booking.support.BookingDatabase;
import clinic.booking.support.EventLog;
import clinic.booking.support.ScreeningStub;
import clinic.booking.service.BlockedTime;
import clinic.web.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The catalog an admin keeps, and what availability makes of it. */
@QuarkusTest
class CatalogAndAvailabilityTest {

    @Inject
    BlockedTime blockedTime;

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    private static String practitionerWorkingEveryDay(String name) {
        List<Map<String, Object>> hours = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            hours.add(Map.of("dayOfWeek", day, "start", "09:00", "end", "11:00", "kind", "WORK"));
        }
        return as("admin").body(Map.of("name", name, "weeklyHours", hours)).post("/api/catalog/practitioners")
                .then().statusCode(201).extract().path("id");
    }

    /** A new patient's consultation with the practitioner at 09:00 on the day: its id. */
    private static String consultationAtNine(String practitioner, LocalDate day) {
        return as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(day, 9, 0), "practitionerId", practitioner)).post("/api/appointments").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void onlyAdminsChangeTheCatalogAndInvalidHoursAreNamed() {
        as("frontdesk").body(Map.of("name", "X", "weeklyHours", List.of())).post("/api/catalog/practitioners")
                .then().statusCode(403);
        as("admin").body(Map.of("name", "X", "weeklyHours", List.of(Map.of("dayOfWeek", 8, "start", "09:00", "end", "08:00"))))
                .post("/api/catalog/practitioners").then().statusCode(400)
                .body("errors.field", hasItem("weeklyHours[0].dayOfWeek"));
        as("frontdesk").get("/api/catalog/procedures").then().statusCode(200)
                .body("find { it.code == 'MICRONEEDLING' }.durationMinutes", equalTo(60));
    }

    @Test
    void overlappingWorkingHoursAndABreakOutsideThemAreNamedNotSaved() {
        Map<String, Object> nineToFive = Map.of("dayOfWeek", 1, "start", "09:00", "end", "17:00", "kind", "WORK");
        as("admin").body(Map.of("name", "Overlap", "weeklyHours", List.of(nineToFive,
                Map.of("dayOfWeek", 1, "start", "12:00", "end", "20:00", "kind", "WORK"))))
                .post("/api/catalog/practitioners").then().statusCode(400)
                .body("errors.field", equalTo(List.of("weeklyHours[1].start")))
                .body("errors.message[0]", equalTo("overlaps row 1 of the same day"));
        as("admin").body(Map.of("name", "Stray break", "weeklyHours", List.of(nineToFive,
                Map.of("dayOfWeek", 2, "start", "13:00", "end", "13:30", "kind", "BREAK"))))
                .post("/api/catalog/practitioners").then().statusCode(400)
                .body("errors.field", equalTo(List.of("weeklyHours[1].start")));
        // back to back on one day, and a break inside: fine
        as("admin").body(Map.of("name", "Split day " + System.nanoTime(), "weeklyHours", List.of(nineToFive,
                Map.of("dayOfWeek", 1, "start", "17:00", "end", "19:00", "kind", "WORK"),
                Map.of("dayOfWeek", 1, "start", "13:00", "end", "13:30", "kind", "BREAK"))))
                .post("/api/catalog/practitioners").then().statusCode(201);
    }

    @Test
    void aPractitionerOrRoomWithAppointmentsStillToComeStaysInUseUntilTheyAreMovedOrCancelled() {
        String name = "Leaving " + System.nanoTime();
        String practitioner = practitionerWorkingEveryDay(name);
        LocalDate day = Api.freshTuesday();
        String booked = consultationAtNine(practitioner, day);
        Map<String, Object> practitionerBody = as("admin").get("/api/catalog/practitioners").then().extract().jsonPath()
                .getMap("find { it.id == '" + practitioner + "' }");
        Map<String, Object> retired = new java.util.HashMap<>(practitionerBody);
        retired.remove("id");
        retired.put("active", false);
        as("admin").body(retired).put("/api/catalog/practitioners/" + practitioner).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:still-booked"))
                .body("appointments", equalTo(List.of(booked)))
                .body("errors.field", equalTo(List.of("active")))
                .body("detail", startsWith(name + " has 1 appointment still to come, the first on " + Api.deskDay(day)));
        String roomId = as("frontdesk").get("/api/appointments/" + booked).then().extract().path("roomId");
        Map<String, Object> room = as("admin").get("/api/catalog/rooms").then().extract().jsonPath()
                .getMap("find { it.id == '" + roomId + "' }");
        as("admin").body(Map.of("name", room.get("name"), "roomType", room.get("roomType"), "active", false))
                .put("/api/catalog/rooms/" + roomId).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:still-booked"));
        as("frontdesk").get("/api/catalog/practitioners").then().body("find { it.id == '" + practitioner + "' }.active", equalTo(true));

        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + booked + "/cancel").then().statusCode(200);
        as("admin").body(retired).put("/api/catalog/practitioners/" + practitioner).then().statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void newHoursThatLeaveAnAppointmentOutsideThemAreRefusedUntilItIsMoved() {
        String name = "Shorter days " + System.nanoTime();
        String practitioner = practitionerWorkingEveryDay(name);
        LocalDate day = Api.freshTuesday();
        String booked = consultationAtNine(practitioner, day);
        Map<String, Object> tuesdayFromTen = Map.of("dayOfWeek", 2, "start", "10:00", "end", "11:00", "kind", "WORK");
        as("admin").body(Map.of("name", name, "weeklyHours", List.of(tuesdayFromTen)))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:outside-new-hours"))
                .body("appointments", equalTo(List.of(booked)))
                .body("errors.field", equalTo(List.of("weeklyHours")))
                .body("detail", startsWith("These hours leave 1 appointment of " + name
                        + " outside working hours, the first on " + Api.deskDay(day)));
        Map<String, Object> tuesdayNineToEleven = Map.of("dayOfWeek", 2, "start", "09:00", "end", "11:00", "kind", "WORK");
        as("admin").body(Map.of("name", name, "weeklyHours", List.of(tuesdayNineToEleven,
                        Map.of("dayOfWeek", 2, "start", "09:15", "end", "09:45", "kind", "BREAK"))))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:outside-new-hours"));
        // nothing was changed: the practitioner still works every day
        as("frontdesk").get("/api/catalog/practitioners").then()
                .body("find { it.id == '" + practitioner + "' }.weeklyHours.size()", equalTo(7));

        // hours that still cover it are fine, and so is a later change once it has moved
        as("admin").body(Map.of("name", name, "weeklyHours", List.of(tuesdayNineToEleven)))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(200);
        as("frontdesk").body(Map.of("start", Api.at(day, 10, 0), "practitionerId", practitioner))
                .post("/api/appointments/" + booked + "/reschedule").then().statusCode(200);
        as("admin").body(Map.of("name", name, "weeklyHours", List.of(tuesdayFromTen)))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(200);
    }

    @Test
    void aBookingWrittenAfterTheHoursChangedIsRefusedByTheCheckAfterItsWrite() {
        String practitioner = practitionerWorkingEveryDay("Changed meanwhile " + System.nanoTime());
        Instant nine = OffsetDateTime.parse(Api.at(Api.freshTuesday(), 9, 0)).toInstant();
        blockedTime.refuseIfBlockedAfterWrite(UUID.fromString(practitioner), nine, nine.plus(Duration.ofMinutes(45)));
        // the slot was found on the old hours; the write lands after the admin's change
        as("admin").body(Map.of("name", "Changed meanwhile", "weeklyHours",
                        List.of(Map.of("dayOfWeek", 2, "start", "10:00", "end", "11:00", "kind", "WORK"))))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(200);
        ProblemException refused = assertThrows(ProblemException.class, () -> blockedTime.refuseIfBlockedAfterWrite(
                UUID.fromString(practitioner), nine, nine.plus(Duration.ofMinutes(45))));
        assertEquals(422, refused.problem().status());
        assertEquals("urn:clinic:problem:outside-working-hours", refused.problem().type());
        assertTrue(refused.problem().detail().startsWith("Changed meanwhile\u2019s working hours were changed meanwhile"),
                refused.problem().detail());
    }

    @Test
    void aBodyNamingAnotherEntryThanItsAddressIsRefusedNotIgnored() {
        String practitioner = practitionerWorkingEveryDay("Addressed " + System.nanoTime());
        as("admin").body(Map.of("id", Api.ANNA, "name", "Renamed", "weeklyHours", List.of()))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(400)
                .body("errors.field", equalTo(List.of("id")))
                .body("errors.message[0]", startsWith("does not match the address (" + practitioner + ")"));
        as("admin").body(Map.of("id", practitioner, "name", "Addressed", "weeklyHours", List.of()))
                .put("/api/catalog/practitioners/" + practitioner).then().statusCode(200);
        as("admin").body(Map.of("id", practitioner, "name", "Room with an id", "roomType", "TREATMENT_ROOM"))
                .post("/api/catalog/rooms").then().statusCode(400)
                .body("errors.field", equalTo(List.of("id")));
        Map<String, Object> consultation = new java.util.HashMap<>(as("admin").get("/api/catalog/procedures").then()
                .extract().jsonPath().getMap("find { it.code == 'CONSULTATION' }"));
        consultation.put("code", "MICRONEEDLING");
        as("admin").body(consultation).put("/api/catalog/procedures/CONSULTATION").then().statusCode(400)
                .body("errors.field", equalTo(List.of("code")));
        as("frontdesk").get("/api/catalog/practitioners").then().body("find { it.id == '" + Api.ANNA + "' }.name",
                equalTo("Dr Anna Nowak"));
    }

    @Test
    void aProcedureTakesOnlyARoomTypeSomeRoomHas() {
        Map<String, Object> consultation = as("admin").get("/api/catalog/procedures").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.code == 'CONSULTATION' }");
        Map<String, Object> typo = new java.util.HashMap<>(consultation);
        typo.put("roomType", "TREATMENT-ROOM");
        as("admin").body(typo).put("/api/catalog/procedures/CONSULTATION").then().statusCode(400)
                .body("errors.field", equalTo(List.of("roomType")))
                .body("errors.message[0]", allOf(startsWith("no room is of this type; the rooms' types are "),
                        containsString("TREATMENT_ROOM")));
        as("admin").body(consultation).put("/api/catalog/procedures/CONSULTATION").then().statusCode(200)
                .body("roomType", equalTo("TREATMENT_ROOM"));
    }

    @Test
    void slotsKeepLocalHoursAcrossADaylightSavingChange() {
        String practitioner = practitionerWorkingEveryDay("DST " + System.nanoTime());
        LocalDate sunday = LocalDate.of(2027, 3, 28); // Europe/Warsaw springs forward this night
        List<String> starts = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", sunday.minusDays(1).toString(),
                "to", sunday.plusDays(1).toString(), "practitionerId", practitioner)
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        assertTrue(starts.contains("2027-03-27T09:00:00+01:00"), starts.toString());
        assertTrue(starts.contains("2027-03-28T09:00:00+02:00"), starts.toString());
        assertTrue(starts.contains("2027-03-29T10:30:00+02:00"), starts.toString());
        assertEquals(3 * 7, starts.size(), "seven 30-minute starts in 09:00-11:00 on each of three days: " + starts);
    }

    @Test
    void timeOffRemovesSlots() {
        String practitioner = practitionerWorkingEveryDay("Away " + System.nanoTime());
        LocalDate day = Api.freshTuesday();
        // the reason is optional: a blank one is stored as none
        as("admin").body(Map.of("start", Api.at(day, 0, 0), "end", Api.at(day.plusDays(1), 0, 0), "reason", "  "))
                .post("/api/catalog/practitioners/" + practitioner + "/time-off").then().statusCode(201)
                .body("reason", equalTo(null));
        as("frontdesk").queryParams("procedure", "CONSULTATION", "from", day.toString(), "to", day.toString(),
                "practitionerId", practitioner).get("/api/availability").then().statusCode(200).body("size()", equalTo(0));
        // time off that has already ended would change nothing and show nowhere: refused, naming the end
        LocalDate yesterday = LocalDate.now(Api.CLINIC_ZONE).minusDays(1);
        as("admin").body(Map.of("start", Api.at(yesterday.minusDays(1), 0, 0), "end", Api.at(yesterday, 12, 0)))
                .post("/api/catalog/practitioners/" + practitioner + "/time-off").then().statusCode(400)
                .body("errors.field", equalTo(List.of("end")))
                .body("errors.message[0]", startsWith("is in the past"));
    }

    @Test
    void withAPatientOnlySlotsTheyCouldPassScreeningForAreOffered() {
        String practitioner = practitionerWorkingEveryDay("Eligible " + System.nanoTime());
        LocalDate day = Api.freshTuesday();
        // screening says: the whole of `day` is blocked for this patient by an interval rule
        ScreeningStub.blockedPeriods(request -> {
            ArrayNode periods = new ObjectMapper().createArrayNode();
            periods.addObject().put("start", Api.at(day, 0, 0)).put("end", Api.at(day.plusDays(1), 0, 0))
                    .put("category", "PROCEDURE_INTERVAL");
            return periods;
        });
        String patient = Api.newPatient();
        List<String> starts = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", day.toString(),
                "to", day.plusDays(1).toString(), "practitionerId", practitioner, "patientId", patient)
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        assertFalse(starts.stream().anyMatch(s -> s.startsWith(day.toString())), "blocked day offered: " + starts);
        assertTrue(starts.stream().anyMatch(s -> s.startsWith(day.plusDays(1).toString())), "free day missing: " + starts);
    }

    @Test
    void aNewIntakeRescreensUpcomingAppointments() {
        String patient = Api.newPatient();
        String id = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                "start", Api.at(Api.freshTuesday(), 10, 0), "practitionerId", Api.EWA)).post("/api/appointments")
                .then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake")
                .then().statusCode(200)
                .body("rescreened[0].appointmentId", equalTo(id))
                .body("rescreened[0].status", equalTo("PENDING_REVIEW"));
        as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("PENDING_REVIEW"))
                .body("rescreenDue", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 2);
        assertEquals("AppointmentPendingReview", EventLog.of(id).get(1).type());
        assertEquals("RESCREENED", EventLog.of(id).get(1).value().get("reasonCode").asText());
    }

    @Test
    void aRescreenDecisionIsNotAppliedToAnAppointmentCancelledWhileItWasScreened() {
        String patient = Api.newPatient();
        String id = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                "start", Api.at(Api.freshTuesday(), 12, 0), "practitionerId", Api.EWA)).post("/api/appointments")
                .then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        // the front desk cancels while screening is still deciding about the new intake
        ScreeningStub.outcome(request -> {
            as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + id + "/cancel")
                    .then().statusCode(200);
            return "CLEARED";
        });
        as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake")
                .then().statusCode(200)
                .body("rescreened[0].appointmentId", equalTo(id))
                .body("rescreened[0].status", equalTo("CANCELLED"))
                .body("rescreened[0].outcome", equalTo(null));
        as("frontdesk").get("/api/appointments/" + id).then().body("status", equalTo("CANCELLED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 2);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentCancelled"), EventLog.of(id).stream().map(e -> e.type()).toList());
    }

    @Test
    void intakeErrorsReachTheCallerNamingTheField() {
        String patient = Api.newPatient();
        // a missing answer: booking refuses it before anything leaves
        as("frontdesk").body(Map.of("isotretinoin", "NEVER")).put("/api/patients/" + patient + "/intake")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("completedOn"));
        // screening's own refusal passes through unchanged
        Map<String, Object> stoppedNoDate = Api.cleanIntake();
        stoppedNoDate.put("isotretinoin", "STOPPED");
        as("frontdesk").body(stoppedNoDate).put("/api/patients/" + patient + "/intake")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("isotretinoinLastDose"));
    }

    @Test
    void noAppointmentHoldsItsTimeLongerThanTheLongestProcedureAllows() throws Exception {
        // the calendar reads appointments that start at most this long before the time asked for
        String id = as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(Api.freshTuesday(), 11, 0), "practitionerId", Api.EWA, "roomId", Api.ROOM_2))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        try (var connection = BookingDatabase.connect(); var sql = connection.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.executeUpdate("UPDATE appointment SET occupied_until = start_at + interval '721 minutes'"
                            + " WHERE id = '" + id + "'"));
            assertEquals("23514", refused.getSQLState());
            assertTrue(refused.getMessage().contains("appointment_occupancy_within_longest"), refused.getMessage());
        }
    }

    @Test
    void appointmentsAreListedByDayPractitionerAndRoom() {
        LocalDate day = Api.freshTuesday();
        String id = as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(day, 15, 0), "practitionerId", Api.EWA, "roomId", Api.ROOM_2)).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
        as("frontdesk").get("/api/appointments?date=" + day + "&practitionerId=" + Api.EWA).then().body("id", hasItem(id));
        as("frontdesk").get("/api/appointments?date=" + day + "&roomId=" + Api.ROOM_2).then().body("id", hasItem(id));
        as("frontdesk").get("/api/appointments?date=" + day.plusDays(1)).then().body("id", org.hamcrest.Matchers.not(hasItem(id)));
        OffsetDateTime.parse(as("frontdesk").get("/api/appointments/" + id).then().extract().path("start"));
    }
}
