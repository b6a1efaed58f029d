package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import clinic.booking.support.Api;
import clinic.booking.support.EventLog;
import clinic.booking.support.MovableClock;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The thin path through booking: patient, intake, availability, booking, completion, events. */
@QuarkusTest
class BookingFlowTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void screeningClears() {
        ScreeningStub.reset();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void bookConfirmCompleteAndPublishEventsThatMatchTheSchema() throws Exception {
        String patient = Api.newPatient();
        as("frontdesk").body(Api.cleanIntake())
                .put("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("receipt.intakeVersion", equalTo(1));
        assertEquals(1, ScreeningStub.intakes());

        LocalDate day = Api.freshTuesday();
        List<Map<String, Object>> slots = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", day.toString(), "to", day.toString())
                .get("/api/availability").then().statusCode(200)
                .body("size()", greaterThan(0)).extract().jsonPath().getList("$");
        String start = (String) slots.get(0).get("start");

        String id = as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", start)).post("/api/appointments")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("screening.outcome", equalTo("CLEARED"))
                .body("screening.decisionId", notNullValue())
                .body("practitionerId", notNullValue())
                .body("roomId", notNullValue())
                .extract().path("id");

        // the day comes: the patient arrives, is treated, and the clinician records when the procedure ended
        OffsetDateTime begins = OffsetDateTime.parse(start);
        clock.moveTo(begins.toInstant().plus(Duration.ofMinutes(70)));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        String completedAt = Api.at(begins.toLocalDate(), begins.getHour() + 1, 5);
        as("frontdesk").body(Map.of("completedAt", completedAt)).post("/api/appointments/" + id + "/complete").then().statusCode(403);
        as("clinician").body(Map.of("completedAt", completedAt)).post("/api/appointments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedAt", equalTo(completedAt));

        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 3);
        List<EventLog.Event> events = EventLog.of(id);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentCheckedIn", "AppointmentCompleted"),
                events.stream().map(EventLog.Event::type).toList());
        assertEquals(List.of(1, 2, 3), events.stream().map(e -> e.value().get("sequence").asInt()).toList());
        // the aftercare timeline starts when the procedure ended, not when the button was pressed
        assertEquals(OffsetDateTime.parse(completedAt).toInstant(), java.time.Instant.parse(events.get(2).value().get("occurredAt").asText()));
        JsonSchema schema = eventSchema();
        for (EventLog.Event event : events) {
            Set<ValidationMessage> problems = schema.validate(event.value());
            assertTrue(problems.isEmpty(), "event does not match the schema: " + problems);
            assertFalse(event.value().has("isotretinoin"), "medical data in an event");
            assertFalse(event.value().has("categories"), "screening categories in an event");
        }
    }

    @Test
    void theTakenSlotIsNoLongerOffered() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String start = Api.at(day, 10, 0);
        String practitioner = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION",
                "start", start, "practitionerId", Api.EWA)).post("/api/appointments")
                .then().statusCode(201).extract().path("practitionerId");
        List<String> ewasStarts = as("frontdesk")
                .queryParams("procedure", "MICRODERMABRASION", "from", day.toString(), "to", day.toString(),
                        "practitionerId", practitioner)
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        assertFalse(ewasStarts.stream().anyMatch(s -> s.startsWith(day + "T10:00")), "booked slot still offered");
        assertFalse(ewasStarts.stream().anyMatch(s -> s.startsWith(day + "T10:45")), "buffer after the procedure offered");
        assertTrue(ewasStarts.stream().anyMatch(s -> s.startsWith(day + "T11:00")), "the slot after the buffer is missing");
    }

    @Test
    void aPatientIsBookedOnceAtAnyMoment() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        book(patient, Api.ANNA, Api.at(day, 10, 0)).statusCode(201);

        book(patient, Api.EWA, Api.at(day, 10, 15)).statusCode(409)
                .body("type", equalTo("urn:clinic:problem:patient-already-booked"))
                .body("errors[0].field", equalTo("start"));
        String next = book(patient, Api.EWA, Api.at(day, 10, 30)).statusCode(201).extract().path("id");

        as("frontdesk").body(Map.of("start", Api.at(day, 10, 15), "practitionerId", Api.EWA))
                .post("/api/appointments/" + next + "/reschedule").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:patient-already-booked"));
        as("frontdesk").body(Map.of("start", Api.at(day, 10, 45), "practitionerId", Api.EWA))
                .post("/api/appointments/" + next + "/reschedule").then().statusCode(200);
        List<String> offered = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", day.toString(), "to", day.toString(),
                "practitionerId", Api.EWA, "patientId", patient).get("/api/availability").then().statusCode(200)
                .extract().jsonPath().getList("start");
        assertFalse(offered.stream().anyMatch(s -> s.startsWith(day + "T10:15")), "a time the patient is booked elsewhere offered");
        assertTrue(offered.stream().anyMatch(s -> s.startsWith(day + "T12:00")), "a free time of the patient is missing");
    }

    private static ValidatableResponse book(String patient, String practitioner, String start) {
        return as("frontdesk").body(Map.of("patientId", patient, "procedure", "CONSULTATION", "start", start,
                "practitionerId", practitioner)).post("/api/appointments").then();
    }

    static JsonSchema eventSchema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/events/appointment-event-v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
