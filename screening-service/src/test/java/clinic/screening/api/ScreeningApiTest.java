package clinic.screening.api;

import static clinic.screening.Api.clinician;
import static clinic.screening.Api.detail;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.other;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import clinic.screening.AdjustableClock;
import clinic.screening.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ScreeningApiTest {

    private static final String MN = "MICRONEEDLING";
    private static final String MDA = "MICRODERMABRASION";
    private static final String MN_TO_MDA = "INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION";

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void isotretinoinTwoMonthsBeforeNeedsReviewAndClearsOnceTheDateIsPastTheWindow() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(LocalDate.of(2026, 11, 15));
        intake.put("isotretinoin", "STOPPED");
        intake.put("isotretinoinLastDose", "2026-09-15");
        putIntake(patient, intake).statusCode(200);

        String decisionId = screen(frontDesk(), screening(patient, MN, "2026-11-15T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("reasons.category", containsInAnyOrder("MEDICATION_HISTORY"))
                .body("reasons[0].severity", equalTo("NEEDS_REVIEW"))
                .body("reasons[0].frontDeskMessage", equalTo("clinician review required: medication history"))
                .body("reasons[0].keySet()", containsInAnyOrder("category", "severity", "frontDeskMessage"))
                .body("earliestEligibleStart", nullValue())
                .body("intakeVersion", equalTo(1))
                .body("policyVersion", notNullValue())
                .extract().path("decisionId");
        detail(decisionId).body("reasons.ruleId", containsInAnyOrder("ISOTRETINOIN"))
                .body("reasons[0].evidence", equalTo("LATIFALTOJAR-2025"));

        // the window is measured against the appointment date: 2027-03-15 is six months after the last dose
        clock.setToday(LocalDate.of(2027, 3, 1));
        intake.put("completedOn", "2027-03-01");
        putIntake(patient, intake).statusCode(200);
        screen(frontDesk(), screening(patient, MN, "2027-03-14T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"));
        screen(frontDesk(), screening(patient, MN, "2027-03-15T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("CLEARED"))
                .body("reasons", empty());
    }

    @Test
    void activeInfectionIsBlockedWithoutAnEarliestStart() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("activeInfectionOrInflammation", true);
        putIntake(patient, intake).statusCode(200);
        screen(frontDesk(), screening(patient, MDA, "2026-12-01T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("BLOCKED"))
                .body("reasons.category", containsInAnyOrder("SKIN_CONDITION"))
                .body("reasons[0].frontDeskMessage", not(containsString("infection")))
                .body("earliestEligibleStart", nullValue());
    }

    @Test
    void noIntakeNeedsIntakeButAConsultationIsCleared() {
        UUID patient = UUID.randomUUID();
        screen(frontDesk(), screening(patient, MN, "2026-12-01T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("NEEDS_INTAKE"))
                .body("reasons.category", containsInAnyOrder("INTAKE_NEEDED"))
                .body("intakeVersion", equalTo(0));
        screen(frontDesk(), screening(patient, "CONSULTATION", "2026-12-01T10:00:00+01:00",
                List.of(other(MN, "2026-12-01T09:00:00+01:00", "CONFIRMED")))).statusCode(200)
                .body("outcome", equalTo("CLEARED"));
    }

    @Test
    void microdermabrasionTheDayAfterMicroneedlingIsBlockedUntilFourteenDaysAfterIt() {
        UUID patient = Api.patientWithHealthyIntake();
        String earliest = screen(frontDesk(), screening(patient, MDA, "2026-12-02T10:00:00+01:00",
                List.of(other(MN, "2026-12-01T10:00:00+01:00", "CONFIRMED")))).statusCode(200)
                .body("outcome", equalTo("BLOCKED"))
                .body("reasons.category", containsInAnyOrder("PROCEDURE_INTERVAL"))
                .extract().path("earliestEligibleStart");
        assertThat(OffsetDateTime.parse(earliest)).isEqualTo(OffsetDateTime.parse("2026-12-15T00:00:00+01:00"));
    }

    @Test
    void bothOnTheSameDayAreBlocked() {
        UUID patient = Api.patientWithHealthyIntake();
        String decisionId = screen(frontDesk(), screening(patient, MDA, "2026-12-01T16:00:00+01:00",
                List.of(other(MN, "2026-12-01T09:00:00+01:00", "CONFIRMED")))).statusCode(200)
                .body("outcome", equalTo("BLOCKED"))
                .body("reasons.category", everyItem(equalTo("PROCEDURE_INTERVAL")))
                .extract().path("decisionId");
        detail(decisionId).body("reasons.ruleId", hasItem(MN_TO_MDA))
                .body("reasons.evidence", everyItem(equalTo("GUIDE-SAME-SESSION")));
    }

    @Test
    void microneedlingBookedThreeDaysBeforeAnExistingMicrodermabrasionIsBlocked() {
        UUID patient = Api.patientWithHealthyIntake();
        String earliest = screen(frontDesk(), screening(patient, MN, "2026-11-28T10:00:00+01:00",
                List.of(other(MDA, "2026-12-01T10:00:00+01:00", "CONFIRMED")))).statusCode(200)
                .body("outcome", equalTo("BLOCKED"))
                .body("reasons.category", containsInAnyOrder("PROCEDURE_INTERVAL"))
                .extract().path("earliestEligibleStart");
        // MN->MDA needs 14 days, so the first passing day is after the MDA, where MDA->MN needs 7
        assertThat(OffsetDateTime.parse(earliest)).isEqualTo(OffsetDateTime.parse("2026-12-08T00:00:00+01:00"));
    }

    @ParameterizedTest(name = "other appointment {0} -> {1}")
    @CsvSource({
            "CANCELLED, CLEARED",
            "NO_SHOW, CLEARED",
            "REJECTED, CLEARED",
            "PENDING_REVIEW, BLOCKED",
            "CONFIRMED, BLOCKED",
            "ON_HOLD, BLOCKED",
            "CHECKED_IN, BLOCKED",
            "COMPLETED, BLOCKED",
    })
    void onlyAppointmentsThatHappenOrMayHappenCount(String status, String expected) {
        UUID patient = Api.patientWithHealthyIntake();
        screen(frontDesk(), screening(patient, MDA, "2026-12-02T10:00:00+01:00",
                List.of(other(MN, "2026-12-01T10:00:00+01:00", status)))).statusCode(200)
                .body("outcome", equalTo(expected));
    }

    /**
     * Calendar days in Europe/Warsaw, not 24-hour blocks: each pair is 13 or 14 clinic days apart
     * while the naive hour count says the opposite.
     */
    @ParameterizedTest(name = "MN {0}, MDA {1} -> blocked {2}")
    @CsvSource({
            // spring forward 2027-03-28: 14 calendar days are 13 days 23 hours
            "2027-03-20T00:30:00+01:00, 2027-04-03T00:30:00+02:00, false",
            "2027-03-20T00:30:00+01:00, 2027-04-02T23:30:00+02:00, true",
            // fall back 2026-10-25: 14 calendar days are 13 days 1 hour, 13 calendar days are 14 days 0 hours
            "2026-10-11T23:30:00+02:00, 2026-10-25T00:30:00+02:00, false",
            "2026-10-12T00:30:00+02:00, 2026-10-25T23:30:00+01:00, true",
            // a UTC start is judged by its clinic day: 23:30Z is the next day in Warsaw
            "2026-12-01T10:00:00+01:00, 2026-12-14T23:30:00Z, false",
            "2026-12-01T10:00:00+01:00, 2026-12-14T22:59:00Z, true",
    })
    void intervalsCountClinicCalendarDaysAcrossDaylightSaving(String mnStart, String mdaStart, boolean blocked) {
        LocalDate mnDay = OffsetDateTime.parse(mnStart).toLocalDate();
        clock.setToday(mnDay);
        UUID patient = UUID.randomUUID();
        putIntake(patient, healthyIntake(mnDay)).statusCode(200);
        screen(frontDesk(), screening(patient, MDA, mdaStart, List.of(other(MN, mnStart, "CONFIRMED")))).statusCode(200)
                .body("outcome", equalTo(blocked ? "BLOCKED" : "CLEARED"));
    }

    @ParameterizedTest(name = "MN on {0} -> earliest MDA {1}")
    @CsvSource({
            "2027-03-14T10:00:00+01:00, 2027-03-28T00:00:00+01:00",
            "2027-03-15T10:00:00+01:00, 2027-03-29T00:00:00+02:00",
            "2026-10-11T10:00:00+02:00, 2026-10-25T00:00:00+02:00",
            "2026-10-12T10:00:00+02:00, 2026-10-26T00:00:00+01:00",
    })
    void earliestEligibleStartIsLocalMidnightWithThatDaysOffset(String mnStart, String expected) {
        UUID patient = UUID.randomUUID();
        String earliest = screen(frontDesk(), screening(patient, MDA,
                OffsetDateTime.parse(mnStart).plusDays(1).toString(), List.of(other(MN, mnStart, "CONFIRMED"))))
                .statusCode(200).body("outcome", equalTo("BLOCKED"))
                .extract().path("earliestEligibleStart");
        OffsetDateTime actual = OffsetDateTime.parse(earliest);
        assertThat(actual).isEqualTo(OffsetDateTime.parse(expected));
        assertThat(actual.getOffset()).isEqualTo(OffsetDateTime.parse(expected).getOffset());
    }

    @Test
    void reScreeningAnAppointmentIgnoresItselfAndIsAudited() {
        UUID patient = Api.patientWithHealthyIntake();
        Map<String, Object> itself = other(MN, "2026-12-01T10:00:00+01:00", "PENDING_REVIEW");
        Map<String, Object> request = screening(patient, MN, "2026-12-01T10:00:00+01:00",
                List.of(itself, other(MDA, "2026-11-01T10:00:00+01:00", "CANCELLED")));
        request.put("appointmentId", itself.get("appointmentId"));
        String decisionId = screen(frontDesk(), request).statusCode(200).body("outcome", equalTo("CLEARED"))
                .extract().path("decisionId");

        JsonPath detail = clinician().when().get("/api/screenings/" + decisionId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("appointmentId")).isEqualTo(itself.get("appointmentId"));
        assertThat(detail.getString("decidedBy")).isEqualTo("frontdesk");
        assertThat(detail.getInt("intakeVersion")).isEqualTo(1);
        assertThat(detail.getInt("inputs.intakeVersion")).isEqualTo(1);
        assertThat(detail.getString("inputs.appointmentDay")).isEqualTo("2026-12-01");
        assertThat(detail.getList("inputs.otherAppointments.considered")).containsExactly(false, false);
        assertThat(detail.getList("inputs.otherAppointments.ignoredBecause"))
                .containsExactly("the appointment being screened", "status CANCELLED");
    }

    @Test
    void frontDeskSeesCategoriesAndCliniciansSeeTheDetail() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("bloodThinners", true);
        putIntake(patient, intake).statusCode(200);
        String decisionId = screen(frontDesk(), screening(patient, MN, "2026-12-01T10:00:00+01:00", List.of()))
                .statusCode(200).body("outcome", equalTo("NEEDS_REVIEW")).extract().path("decisionId");

        for (var as : List.of(frontDesk(), Api.admin())) {
            as.when().get("/api/screenings/" + decisionId).then().statusCode(200)
                    .body("keySet()", containsInAnyOrder("decisionId", "outcome", "reasons", "earliestEligibleStart",
                            "policyVersion", "review"))
                    .body("reasons[0].keySet()", containsInAnyOrder("category", "severity", "frontDeskMessage"))
                    .body("reasons[0].frontDeskMessage", equalTo("clinician review required: medication history"))
                    .body("review", nullValue());
        }
        clinician().when().get("/api/screenings/" + decisionId).then().statusCode(200)
                .body("reasons[0].ruleId", equalTo("BLOOD_THINNERS"))
                .body("reasons[0].clinicianMessage", containsString("blood-thinning medication"))
                .body("procedure", equalTo(MN))
                .body("patientId", equalTo(patient.toString()))
                .body("policyVersion", notNullValue());
    }

    @Test
    void screeningRequiresARole() {
        given().contentType(ContentType.JSON)
                .body(screening(UUID.randomUUID(), MN, "2026-12-01T10:00:00+01:00", List.of()))
                .when().post("/api/screenings").then().statusCode(401).contentType("application/problem+json");
        Api.as("nobody").body(screening(UUID.randomUUID(), MN, "2026-12-01T10:00:00+01:00", List.of()))
                .when().post("/api/screenings").then().statusCode(401);
        screen(Api.admin(), screening(UUID.randomUUID(), MN, "2026-12-01T10:00:00+01:00", List.of())).statusCode(200);
        frontDesk().when().get("/api/screenings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {2}")
    @CsvSource({
            "procedure, DERMABRASION, procedure",
            "procedure, , procedure",
            "start, , start",
            "start, 2026-12-01T10:00:00, start",
            "start, tomorrow, start",
            "patientId, , patientId",
            "patientId, 42, patientId",
            "otherStatus, ARCHIVED, status",
            "otherProcedure, DERMABRASION, procedure",
            "otherStart, , start",
    })
    void badInputIsA400NamingTheFieldAndStoresNothing(String field, String value, String expectedField) {
        UUID patient = UUID.randomUUID();
        Map<String, Object> other = other(MN, "2026-11-20T10:00:00+01:00", "CONFIRMED");
        Map<String, Object> request = screening(patient, MN, "2026-12-01T10:00:00+01:00", List.of(other));
        switch (field) {
            case "otherStatus" -> other.put("status", value);
            case "otherProcedure" -> other.put("procedure", value);
            case "otherStart" -> other.put("start", value);
            default -> request.put(field, value);
        }
        String reported = screen(frontDesk(), request).statusCode(400).contentType("application/problem+json")
                .extract().path("errors[0].field");
        assertThat(reported).endsWith(expectedField);
        clinician().when().get("/api/patients/" + patient + "/screenings").then().statusCode(200).body("$", empty());
    }
}
