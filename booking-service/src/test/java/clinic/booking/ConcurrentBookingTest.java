package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.domain.DeskWording;
import clinic.booking.support.Api;
import clinic.booking.support.EventLog;
import clinic.booking.support.Race;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Races that only the database can settle: fifty front desks asking for one practitioner's slot,
 * for one room, two bookings for one patient that together would break an interval rule, and
 * bookings into a day the admin is closing, or into a practitioner's time off being added, at that
 * moment.
 */
@QuarkusTest
class ConcurrentBookingTest {

    private static final int REQUESTS = 50;

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    @Test
    void fiftyRequestsForOnePractitionersSlotConfirmExactlyOne() throws Exception {
        LocalDate day = Api.freshTuesday();
        String start = Api.at(day, 11, 0);
        List<String> patients = IntStream.range(0, REQUESTS).mapToObj(i -> Api.newPatient()).toList();
        List<Integer> statuses = Race.run(patients.stream().map(p -> (Callable<Integer>) () -> as("frontdesk")
                .body(Map.of("patientId", p, "procedure", "MICRONEEDLING", "start", start, "practitionerId", Api.ANNA))
                .post("/api/appointments").statusCode()).toList());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(REQUESTS - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
    }

    @Test
    void fiftyRequestsForOneRoomConfirmExactlyOne() throws Exception {
        LocalDate day = Api.freshTuesday();
        String start = Api.at(day, 11, 0);
        List<String> patients = IntStream.range(0, REQUESTS).mapToObj(i -> Api.newPatient()).toList();
        List<Integer> statuses = Race.run(IntStream.range(0, REQUESTS).mapToObj(i -> (Callable<Integer>) () -> as("frontdesk")
                .body(Map.of("patientId", patients.get(i), "procedure", "MICRODERMABRASION", "start", start,
                        "practitionerId", i % 2 == 0 ? Api.ANNA : Api.EWA, "roomId", Api.ROOM_2))
                .post("/api/appointments").statusCode()).toList());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(REQUESTS - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
    }

    @Test
    void everyBookingOfADayClosedMeanwhileIsOneTheClosureSawOrIsRefused() throws Exception {
        for (int round = 0; round < 5; round++) {
            LocalDate day = Api.freshTuesday();
            List<String> patients = IntStream.range(0, 8).mapToObj(i -> Api.newPatient()).toList();
            List<Callable<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < patients.size(); i++) {
                Map<String, Object> booking = Map.of("patientId", patients.get(i), "procedure", "CONSULTATION",
                        "start", Api.at(day, 9 + i / 2, 0));
                calls.add(() -> as("frontdesk").body(booking).post("/api/appointments"));
            }
            calls.add(patients.size() / 2, () -> as("admin").body(Map.of("firstDay", day.toString(), "reason", "Burst pipe"))
                    .post("/api/closures"));
            List<io.restassured.response.Response> answers = Race.run(calls);
            io.restassured.response.Response closure = answers.remove(patients.size() / 2);
            assertEquals(201, closure.statusCode(), closure.asString());
            List<String> seen = closure.jsonPath().getList("affected.id");
            for (io.restassured.response.Response booking : answers) {
                if (booking.statusCode() == 201) {
                    assertTrue(seen.contains(booking.jsonPath().getString("id")),
                            "booked on the closed day, unseen by the closure (no AppointmentDayClosed): " + booking.asString());
                } else if (booking.statusCode() == 422) {
                    assertEquals("urn:clinic:problem:clinic-closed", booking.jsonPath().getString("type"), booking.asString());
                } else {
                    // two bookings at one hour may both have found the same practitioner free
                    assertEquals(409, booking.statusCode(), booking.asString());
                }
            }
        }
    }

    @Test
    void everyBookingIntoAPractitionersTimeOffAddedMeanwhileIsOneTheTimeOffSawOrIsRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            LocalDate day = Api.freshTuesday();
            List<Integer> hours = List.of(10, 11, 12, 13, 15, 16); // Ewa's working hours, without her break
            List<String> patients = hours.stream().map(i -> Api.newPatient()).toList();
            List<Callable<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < patients.size(); i++) {
                Map<String, Object> booking = Map.of("patientId", patients.get(i), "procedure", "CONSULTATION",
                        "start", Api.at(day, hours.get(i), 0), "practitionerId", Api.EWA);
                calls.add(() -> as("frontdesk").body(booking).post("/api/appointments"));
            }
            calls.add(patients.size() / 2, () -> as("admin").body(Map.of("start", Api.at(day, 0, 0),
                    "end", Api.at(day.plusDays(1), 0, 0), "reason", "Sick leave")).post(timeOffOf(Api.EWA)));
            List<io.restassured.response.Response> answers = Race.run(calls);
            io.restassured.response.Response timeOff = answers.remove(patients.size() / 2);
            assertEquals(201, timeOff.statusCode(), timeOff.asString());
            for (io.restassured.response.Response booking : answers) {
                if (booking.statusCode() == 201) {
                    String id = booking.jsonPath().getString("id");
                    await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).stream()
                            .anyMatch(e -> e.type().equals("AppointmentPractitionerAway")));
                } else {
                    assertEquals(422, booking.statusCode(), booking.asString());
                    assertEquals("urn:clinic:problem:practitioner-away", booking.jsonPath().getString("type"), booking.asString());
                }
            }
        }
    }

    @Test
    void aBookingWhosePractitionerTakesTimeOffWhileItIsScreenedIsRefusedSayingSo() {
        LocalDate day = Api.freshTuesday();
        String patient = Api.newPatient();
        Map<String, Object> booking = Map.of("patientId", patient, "procedure", "CONSULTATION",
                "start", Api.at(day, 11, 0), "practitionerId", Api.EWA);
        // the time off commits after booking found the slot free and before it writes
        ScreeningStub.outcome(request -> {
            as("admin").body(Map.of("start", Api.at(day, 8, 0), "end", Api.at(day, 12, 30), "reason", "Training"))
                    .post(timeOffOf(Api.EWA)).then().statusCode(201);
            ScreeningStub.outcome(next -> "CLEARED");
            return "CLEARED";
        });
        String name = as("frontdesk").get("/api/catalog/practitioners").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == '" + Api.EWA + "' }.name");
        String said = name + " is away on " + DeskWording.day(day) + ", 08:00 to 12:30 (Training).";
        as("frontdesk").body(booking).post("/api/appointments").then().statusCode(422)
                .body("type", equalTo("urn:clinic:problem:practitioner-away"))
                .body("detail", equalTo(said))
                .body("errors.field", hasItem("start"));
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().statusCode(200).body("$", empty());
        // asked again, it is refused before screening, in the same words
        int screenings = ScreeningStub.screenings();
        as("frontdesk").body(booking).post("/api/appointments").then().statusCode(422).body("detail", equalTo(said));
        assertEquals(screenings, ScreeningStub.screenings());
    }

    private static String timeOffOf(String practitioner) {
        return "/api/catalog/practitioners/" + practitioner + "/time-off";
    }

    @Test
    void twoConcurrentBookingsForOnePatientCannotBothPassAnIntervalRule() throws Exception {
        // the stub plays the interval rule: any other active appointment of the patient blocks
        ScreeningStub.outcome(request -> activeOthers(request.get("otherAppointments")) > 0 ? "BLOCKED" : "CLEARED");
        for (int round = 0; round < 5; round++) {
            String patient = Api.newPatient();
            LocalDate day = Api.freshTuesday();
            List<Integer> statuses = Race.run(List.of(
                    () -> as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                            "start", Api.at(day, 11, 0), "practitionerId", Api.ANNA)).post("/api/appointments").statusCode(),
                    () -> as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION",
                            "start", Api.at(day.plusDays(1), 11, 0), "practitionerId", Api.EWA)).post("/api/appointments").statusCode()));
            List<Map<String, Object>> booked = as("frontdesk").get("/api/patients/" + patient + "/appointments")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertTrue(booked.size() <= 1, "both bookings slipped past the interval rule: " + booked);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 422 || s == 409), "statuses: " + statuses);
        }
    }

    private static long activeOthers(JsonNode others) {
        long count = 0;
        for (JsonNode other : others) {
            if (List.of("PENDING_REVIEW", "CONFIRMED", "CHECKED_IN", "COMPLETED").contains(other.get("status").asText())) {
                count++;
            }
        }
        return count;
    }
}
