package clinic.screening.api;

import static clinic.screening.Api.admin;
import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import clinic.screening.AdjustableClock;
import clinic.screening.PatientTopic;
import clinic.screening.ScreeningTopic;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Booking's merges and erasures of patient records reach screening's data through the patient
 * topic: a merge brings the duplicate's newest intake to the survivor and tells booking, an erasure
 * deletes the intake versions no decision rests on and keeps the screening audit.
 */
@QuarkusTest
class PatientRecordsTest {

    private static final String START = "2026-12-01T10:00:00+01:00";

    @Inject
    DataSource dataSource;

    @Test
    void aMergeGivesTheSurvivorTheDuplicatesNewerIntakeKeepsTheDuplicatesAuditAndTellsBooking() throws Exception {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        putIntake(survivor, healthyIntake(AdjustableClock.DEFAULT_TODAY.minusDays(20))).statusCode(200);
        Map<String, Object> newer = healthyIntake(AdjustableClock.DEFAULT_TODAY.minusDays(2));
        newer.put("bloodThinners", true);
        putIntake(duplicate, newer).statusCode(200);
        String decision = screen(frontDesk(), screening(duplicate, "MICRODERMABRASION", START, List.of())).statusCode(200)
                .extract().path("decisionId");

        String event = PatientTopic.merged(duplicate, survivor);

        await().atMost(Duration.ofSeconds(30)).until(() -> mergeApplied(survivor).isPresent());
        clinician().get("/api/intakes/" + survivor).then().statusCode(200)
                .body("intakeVersion", equalTo(2))
                .body("bloodThinners", equalTo(true))
                .body("completedOn", equalTo(AdjustableClock.DEFAULT_TODAY.minusDays(2).toString()));
        JsonNode applied = mergeApplied(survivor).orElseThrow();
        assertThat(applied.get("mergedPatientId").asText()).isEqualTo(duplicate.toString());
        assertThat(applied.get("intakeVersion").asInt()).isEqualTo(2);
        assertThat(schema().validate(applied)).isEmpty();
        // the copy was announced like any new version, before the merge itself
        List<String> types = ScreeningTopic.all().stream().filter(e -> survivor.toString().equals(e.key()))
                .map(e -> e.value().get("type").asText()).toList();
        assertThat(types).containsSubsequence("IntakeRecorded", "IntakeRecorded", "PatientMergeApplied");

        // the duplicate's id takes nothing new; its decisions are part of the survivor's audit
        clinician().get("/api/intakes/" + duplicate).then().statusCode(410)
                .body("type", equalTo("urn:clinic:problem:patient-merged"))
                .body("mergedInto", equalTo(survivor.toString()));
        putIntake(duplicate, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(410);
        screen(frontDesk(), screening(duplicate, "CONSULTATION", START, List.of())).statusCode(410);
        clinician().get("/api/patients/" + survivor + "/screenings").then().statusCode(200)
                .body("decisionId", hasItem(decision));

        // the same event again changes nothing
        PatientTopic.send(duplicate, event);
        PatientTopic.merged(UUID.randomUUID(), survivor);
        await().atMost(Duration.ofSeconds(30)).until(() -> ScreeningTopic.all().stream()
                .filter(e -> survivor.toString().equals(e.key()) && "PatientMergeApplied".equals(e.value().get("type").asText()))
                .count() == 2);
        assertThat(intakeVersions(survivor)).containsExactly(1, 2);
    }

    @Test
    void aSurvivorsOwnNewerIntakeStaysItsLatestAndBookingIsToldAllTheSame() {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        putIntake(duplicate, healthyIntake(AdjustableClock.DEFAULT_TODAY.minusDays(30))).statusCode(200);
        putIntake(survivor, healthyIntake(AdjustableClock.DEFAULT_TODAY.minusDays(1))).statusCode(200);

        PatientTopic.merged(duplicate, survivor);

        await().atMost(Duration.ofSeconds(30)).until(() -> mergeApplied(survivor).isPresent());
        assertThat(mergeApplied(survivor).orElseThrow().get("intakeVersion").asInt()).isEqualTo(1);
        clinician().get("/api/intakes/" + survivor).then().statusCode(200).body("intakeVersion", equalTo(1));
    }

    @Test
    void anErasureDeletesTheIntakesNoDecisionRestsOnAndKeepsTheAudit() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY.minusDays(10))).statusCode(200);
        Map<String, Object> request = screening(patient, "MICRONEEDLING", START, List.of());
        request.put("appointmentId", UUID.randomUUID().toString());
        String decision = screen(frontDesk(), request).statusCode(200).extract().path("decisionId");
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        putIntake(merged, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);

        PatientTopic.erased(patient, List.of(merged));

        await().atMost(Duration.ofSeconds(30)).until(() -> intakeVersions(patient).size() == 1);
        // version 1 stays with the decision that rests on it; version 2 and the merged record's are gone
        assertThat(intakeVersions(patient)).containsExactly(1);
        assertThat(intakeVersions(merged)).isEmpty();
        clinician().get("/api/screenings/" + decision).then().statusCode(200).body("intakeVersion", equalTo(1));
        clinician().get("/api/patients/" + patient + "/screenings").then().statusCode(200).body("decisionId", hasItem(decision));

        clinician().get("/api/intakes/" + patient).then().statusCode(410).body("type", equalTo("urn:clinic:problem:patient-erased"));
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(410);
        putIntake(merged, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(410);
        screen(frontDesk(), screening(patient, "CONSULTATION", START, List.of())).statusCode(410);

        // what the audit rests on stays immutable, erased patient or not
        assertThatThrownBy(() -> execute("DELETE FROM intake WHERE patient_id = '" + patient + "'"))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> execute("UPDATE intake SET active_acne = true WHERE patient_id = '" + patient + "'"))
                .hasMessageContaining("immutable");
    }

    @Test
    void anErasureSetAsideInTheDeadLetterTopicIsSeenAndAppliedByItsReplay() throws Exception {
        UUID patient = UUID.randomUUID();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        String waiting = "/api/dead-letters?limit=10000&topic=" + PatientTopic.DEAD_LETTERS;
        int before = admin().get(waiting).then().statusCode(200).extract().jsonPath().getList("$").size();

        // an erasure an older screening could not read: until it is replayed, the intake stays
        PatientTopic.deadLetter(patient, PatientTopic.erasedEvent(patient, List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get(waiting).then().statusCode(200)
                .extract().jsonPath().getList("$").size() == before + 1);
        assertThat(intakeVersions(patient)).containsExactly(1);

        frontDesk().post("/api/dead-letters/replay").then().statusCode(403);
        admin().post("/api/dead-letters/replay?topic=" + PatientTopic.DEAD_LETTERS).then().statusCode(200)
                .body("read", equalTo(before + 1)).body("applied", equalTo(1)).body("deadAgain", equalTo(before));
        assertThat(intakeVersions(patient)).isEmpty();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(410);
    }

    @Test
    void aLivePatientsIntakesCannotBeDeletedEvenWhenNoDecisionRestsOnThem() {
        UUID patient = UUID.randomUUID();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        assertThatThrownBy(() -> execute("DELETE FROM intake WHERE patient_id = '" + patient + "'"))
                .hasMessageContaining("immutable");
    }

    private static java.util.Optional<JsonNode> mergeApplied(UUID survivor) {
        return ScreeningTopic.all().stream()
                .filter(e -> survivor.toString().equals(e.key()) && "PatientMergeApplied".equals(e.value().get("type").asText()))
                .map(ScreeningTopic.Event::value).findFirst();
    }

    private List<Integer> intakeVersions(UUID patient) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT version FROM intake WHERE patient_id = ? ORDER BY version")) {
            query.setObject(1, patient);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = PatientRecordsTest.class.getResourceAsStream("/events/screening-event-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
