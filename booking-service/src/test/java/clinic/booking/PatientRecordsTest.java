package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.booking.support.Api;
import clinic.booking.support.EventLog;
import clinic.booking.support.ScreeningEventsTopic;
import clinic.booking.support.ScreeningStub;
import clinic.booking.support.Sql;
import clinic.booking.service.RescreenWorker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A clinic corrects a patient's contact data, merges a duplicate record into the right one and
 * erases a patient on request; each reaches the other services through an event on the patient
 * topic, written in the same transaction as the change.
 */
@QuarkusTest
class PatientRecordsTest {

    @Inject
    DataSource dataSource;

    @Inject
    RescreenWorker worker;

    private Sql sql;

    @BeforeEach
    void setUp() {
        ScreeningStub.reset();
        sql = new Sql(dataSource);
    }

    @AfterEach
    void tearDown() {
        ScreeningStub.reset();
    }

    @Test
    void aCorrectionChangesTheRecordAndIsAnnouncedWithANewContactVersionThatLaterAppointmentEventsCarry() throws Exception {
        String patient = Api.newPatient();
        String appointment = book(patient, Api.freshTuesday(), 10);

        as("frontdesk").body(details("Maja", "Zielinska", "maja.new@example.com", "+48 600 100 200"))
                .put("/api/patients/" + patient).then().statusCode(200)
                .body("id", equalTo(patient))
                .body("firstName", equalTo("Maja"))
                .body("email", equalTo("maja.new@example.com"))
                .body("phone", equalTo("+48 600 100 200"));
        as("clinician").get("/api/patients/" + patient).then().statusCode(200).body("email", equalTo("maja.new@example.com"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !EventLog.of(EventLog.PATIENTS, patient).isEmpty());
        JsonNode corrected = EventLog.of(EventLog.PATIENTS, patient).get(0).value();
        assertEquals("PatientContactCorrected", corrected.get("type").asText());
        assertEquals(2, corrected.get("contactVersion").asInt());
        assertEquals("Maja", corrected.get("firstName").asText());
        assertEquals("maja.new@example.com", corrected.get("email").asText());
        // only what messages need: no last name, phone or date of birth leaves booking
        assertFalse(corrected.has("lastName") || corrected.has("phone") || corrected.has("dateOfBirth"), corrected.toString());
        assertConforms(corrected);

        // the same details again are no change: no new version, no new event
        as("admin").body(details("Maja", "Zielinska", "maja.new@example.com", "+48 600 100 200"))
                .put("/api/patients/" + patient).then().statusCode(200);
        assertEquals(2L, sql.count("SELECT contact_version FROM patient WHERE id = ?", UUID.fromString(patient)));

        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + appointment + "/cancel")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(appointment).size() == 2);
        List<EventLog.Event> events = EventLog.of(appointment);
        assertEquals(1, events.get(0).value().get("patientContactVersion").asInt());
        assertEquals(2, events.get(1).value().get("patientContactVersion").asInt());
        assertEquals("maja.new@example.com", events.get(1).value().get("patientEmail").asText());
        assertTrue(BookingFlowTest.eventSchema().validate(events.get(1).value()).isEmpty());
        assertEquals(1, EventLog.of(EventLog.PATIENTS, patient).size());
    }

    @Test
    void aCorrectionIsCheckedLikeARegistrationAndOnlyTheFrontDeskAndAdminMayMakeIt() {
        String patient = Api.newPatient();
        Map<String, Object> noEmail = new java.util.HashMap<>(details("Maja", "Zielinska", "x@example.com", null));
        noEmail.remove("email");
        as("frontdesk").body(noEmail).put("/api/patients/" + patient).then().statusCode(400)
                .body("errors.field", hasItem("email"));
        as("frontdesk").body(details("Maja", "Zielinska", "not-an-address", null)).put("/api/patients/" + patient)
                .then().statusCode(400).body("errors.field", hasItem("email"));
        as("clinician").body(details("Maja", "Zielinska", "m@example.com", null)).put("/api/patients/" + patient)
                .then().statusCode(403);
        as("frontdesk").body(details("Maja", "Zielinska", "m@example.com", null)).put("/api/patients/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:clinic:problem:not-found"));
    }

    @Test
    void aMergeThatWouldPutThePatientInTwoPlacesAtOnceIsRefusedUntilTheDeskCancelsOne() {
        String survivor = Api.newPatient();
        String duplicate = Api.newPatient();
        String start = Api.at(Api.freshTuesday(), 11, 0);
        String kept = as("frontdesk").body(Map.of("patientId", survivor, "procedure", "CONSULTATION", "start", start,
                "practitionerId", Api.ANNA)).post("/api/appointments").then().statusCode(201).extract().path("id");
        String other = as("frontdesk").body(Map.of("patientId", duplicate, "procedure", "CONSULTATION", "start", start,
                "practitionerId", Api.EWA)).post("/api/appointments").then().statusCode(201).extract().path("id");

        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:merge-appointments-overlap"))
                .body("clashes[0].keptAppointmentId", equalTo(kept))
                .body("clashes[0].duplicateAppointmentId", equalTo(other))
                .body("errors.field", hasItem("duplicateId"));
        // nothing merged: both records and their appointments as they were
        as("frontdesk").get("/api/patients/" + duplicate + "/appointments").then().statusCode(200).body("id", contains(other));
        as("frontdesk").get("/api/patients/" + survivor + "/appointments").then().statusCode(200).body("id", contains(kept));

        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + other + "/cancel").then().statusCode(200);
        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(200)
                .body("appointmentsMoved", equalTo(1));
    }

    @Test
    void aMergeMovesTheDuplicatesAppointmentsAndHoldsTheirReScreenUntilScreeningHasMergedTheIntakes() throws Exception {
        String survivor = Api.newPatient();
        String duplicate = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String own = book(survivor, day, 10);
        String moved = book(duplicate, day.plusDays(7), 10);
        List<JsonNode> screened = new CopyOnWriteArrayList<>();
        ScreeningStub.outcome(request -> {
            screened.add(request);
            return "CLEARED";
        });

        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(200)
                .body("survivorId", equalTo(survivor))
                .body("duplicateId", equalTo(duplicate))
                .body("appointmentsMoved", equalTo(1))
                .body("mergedAt", notNullValue());

        as("frontdesk").get("/api/patients/" + duplicate).then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:patient-merged"))
                .body("mergedInto", equalTo(survivor));
        as("frontdesk").get("/api/patients/" + survivor + "/appointments").then().statusCode(200)
                .body("id", containsInAnyOrder(own, moved));
        // each decision was made on one record only: owed again, and no check-in meanwhile
        as("frontdesk").get("/api/appointments/" + moved).then()
                .body("patientId", equalTo(survivor))
                .body("rescreenDue", equalTo(true));
        as("frontdesk").get("/api/appointments/" + own).then().body("rescreenDue", equalTo(true));
        // the duplicate can no longer be booked
        as("frontdesk").body(Api.booking(duplicate, "CONSULTATION", Api.at(day.plusDays(1), 11, 0))).post("/api/appointments")
                .then().statusCode(422).body("errors.field", hasItem("patientId"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !EventLog.of(EventLog.PATIENTS, duplicate).isEmpty());
        JsonNode event = EventLog.of(EventLog.PATIENTS, duplicate).get(0).value();
        assertEquals("PatientMerged", event.get("type").asText());
        assertEquals(survivor, event.get("survivorId").asText());
        assertEquals(duplicate, event.get("patientId").asText());
        // the survivor's contact data: where content now sends the duplicate's messages
        String survivorEmail = as("frontdesk").get("/api/patients/" + survivor).then().extract().path("email");
        assertEquals(survivorEmail, event.get("email").asText());
        assertEquals(1, event.get("contactVersion").asInt());
        assertConforms(event);
        // the worker leaves them alone until screening says the intakes are merged
        assertTrue(worker.rescreenOwed(UUID.fromString(survivor)).isEmpty());
        assertTrue(screened.stream().noneMatch(r -> survivor.equals(r.path("patientId").asText())), screened.toString());

        // screening copies the duplicate's intake to the survivor as a new version and says so
        int merged = ScreeningStub.recordIntakeElsewhere(survivor);
        ScreeningEventsTopic.send(survivor, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PatientMergeApplied\","
                + "\"version\":1,\"occurredAt\":\"" + Instant.now() + "\",\"patientId\":\"" + survivor
                + "\",\"mergedPatientId\":\"" + duplicate + "\",\"intakeVersion\":" + merged + "}");

        await().atMost(Duration.ofSeconds(30)).until(() -> !Boolean.TRUE.equals(
                as("frontdesk").get("/api/appointments/" + moved).then().extract().path("rescreenDue"))
                && !Boolean.TRUE.equals(as("frontdesk").get("/api/appointments/" + own).then().extract().path("rescreenDue")));
        // screened on the survivor's whole schedule: the moved appointment is one of the survivor's now
        JsonNode ofOwn = screened.stream().filter(r -> own.equals(r.path("appointmentId").asText())).findFirst().orElseThrow();
        assertEquals(survivor, ofOwn.get("patientId").asText());
        assertTrue(ofOwn.get("otherAppointments").findValuesAsText("appointmentId").contains(moved), ofOwn.toString());
        assertEquals(merged, sql.count("SELECT intake_version FROM patient WHERE id = ?", UUID.fromString(survivor)));
    }

    @Test
    void onlyAnAdminMergesAndNeverARecordIntoItselfOrOneAlreadyMerged() {
        String survivor = Api.newPatient();
        String duplicate = Api.newPatient();
        as("frontdesk").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(403);
        as("admin").body(Map.of("duplicateId", survivor)).post("/api/patients/" + survivor + "/merge").then().statusCode(422)
                .body("type", equalTo("urn:clinic:problem:merge-into-itself"))
                .body("errors.field", hasItem("duplicateId"));
        as("admin").body(Map.of()).post("/api/patients/" + survivor + "/merge").then().statusCode(400)
                .body("errors.field", hasItem("duplicateId"));
        as("admin").body(Map.of("duplicateId", UUID.randomUUID().toString())).post("/api/patients/" + survivor + "/merge")
                .then().statusCode(422).body("type", equalTo("urn:clinic:problem:unknown-patient"));

        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(200);
        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + survivor + "/merge").then().statusCode(422)
                .body("errors.message", hasItem("was already merged into patient " + survivor));
        as("admin").body(Map.of("duplicateId", survivor)).post("/api/patients/" + duplicate + "/merge").then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:patient-merged"));
    }

    @Test
    void anErasureRemovesEverythingThatIdentifiesThePatientKeepsEndedAppointmentsAndIsAnnounced() throws Exception {
        String patient = registerWithKey();
        String duplicate = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String appointment = book(patient, day, 10);
        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + patient + "/merge").then().statusCode(200);

        // an appointment still to happen is cancelled first, so the patient is told
        as("admin").delete("/api/patients/" + patient).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:patient-has-active-appointments"))
                .body("appointmentIds", equalTo(List.of(appointment)));
        as("frontdesk").delete("/api/patients/" + patient).then().statusCode(403);
        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + appointment + "/cancel")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(appointment).size() == 2);
        // published (an event still waiting would go out ahead of the erasure, and only then be purged)
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "SELECT count(*) FROM outbox_event WHERE payload ->> 'patientId' = ? AND published_at IS NULL", patient) == 0);

        String erasedAt = as("admin").delete("/api/patients/" + patient).then().statusCode(200)
                .body("patientId", equalTo(patient))
                .body("mergedPatientIds", equalTo(List.of(duplicate)))
                .extract().path("erasedAt");
        // again: the first erasure's answer
        as("admin").delete("/api/patients/" + patient).then().statusCode(200).body("erasedAt", equalTo(erasedAt));

        as("frontdesk").get("/api/patients/" + patient).then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:patient-erased"));
        as("frontdesk").body(details("A", "B", "a@example.com", null)).put("/api/patients/" + patient).then().statusCode(410);
        as("frontdesk").queryParam("query", "Patient").get("/api/patients").then().statusCode(200)
                .body("id", not(hasItem(patient)));
        as("frontdesk").body(Api.booking(patient, "CONSULTATION", Api.at(day.plusDays(1), 11, 0))).post("/api/appointments")
                .then().statusCode(422).body("errors.field", hasItem("patientId"));
        // the clinic's record of the appointment stays, naming nobody
        as("frontdesk").get("/api/appointments/" + appointment).then().statusCode(200).body("status", equalTo("CANCELLED"));

        UUID id = UUID.fromString(patient);
        Map<String, Object> row = sql.rows("SELECT * FROM patient WHERE id = ?", id).get(0);
        for (String column : List.of("first_name", "last_name", "email", "phone", "date_of_birth")) {
            assertNull(row.get(column), column);
        }
        assertEquals("admin", row.get("erased_by"));
        assertEquals(0L, sql.count("SELECT count(*) FROM idempotent_request WHERE response_body LIKE ?", "%" + patient + "%"));
        List<Map<String, Object>> events = sql.rows(
                "SELECT event_type FROM outbox_event WHERE payload ->> 'patientId' = ANY (?)",
                (Object) new String[] { patient, duplicate });
        assertEquals(List.of(Map.of("event_type", "PatientErased")), events);

        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(EventLog.PATIENTS, patient).stream()
                .anyMatch(e -> "PatientErased".equals(e.type())));
        JsonNode erased = EventLog.of(EventLog.PATIENTS, patient).stream().filter(e -> "PatientErased".equals(e.type()))
                .findFirst().orElseThrow().value();
        assertEquals(1, erased.get("mergedPatientIds").size());
        assertEquals(duplicate, erased.get("mergedPatientIds").get(0).asText());
        assertFalse(erased.toString().contains("@example.com"), erased.toString());
        assertConforms(erased);
    }

    @Test
    void anUnknownPatientCannotBeErased() {
        as("admin").delete("/api/patients/" + UUID.randomUUID()).then().statusCode(404);
        as("admin").get("/api/patients/" + UUID.randomUUID() + "/appointments").then().statusCode(404);
    }

    /** Every patient event conforms to the contract booking owns. */
    private static void assertConforms(JsonNode event) throws Exception {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("src/main/resources/events/patient-event-v1.schema.json"))) {
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
            assertEquals(java.util.Set.of(), schema.validate(event), event.toString());
        }
    }

    private static String registerWithKey() {
        return as("frontdesk").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(details("Erin", "Erasable", "erin" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> details(String first, String last, String email, String phone) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        body.put("dateOfBirth", "1991-05-17");
        body.put("phone", phone);
        return body;
    }

    private static String book(String patient, LocalDate day, int hour) {
        return as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", Api.at(day, hour, 0))).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
    }
}
