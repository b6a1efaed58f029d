package clinic.screening.api;

import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.other;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.screening.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BlockedPeriodsApiTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/Warsaw");

    private static Map<String, Object> request(UUID patient, String procedure, List<Map<String, Object>> others) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.toString());
        body.put("procedure", procedure);
        body.put("otherAppointments", others);
        return body;
    }

    private static JsonPath periods(Map<String, Object> body) {
        return frontDesk().body(body).when().post("/api/screenings/blocked-periods").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void microdermabrasionAroundAMicroneedlingIsBlockedInWholeClinicDays() {
        JsonPath periods = periods(request(UUID.randomUUID(), "MICRODERMABRASION",
                List.of(other("MICRONEEDLING", "2026-12-01T10:00:00+01:00", "CONFIRMED"))));
        assertThat(periods.getList("category")).containsExactly("PROCEDURE_INTERVAL", "PROCEDURE_INTERVAL");
        assertThat(OffsetDateTime.parse(periods.getString("[0].start"))).isEqualTo(OffsetDateTime.parse("2026-11-25T00:00:00+01:00"));
        assertThat(OffsetDateTime.parse(periods.getString("[0].end"))).isEqualTo(OffsetDateTime.parse("2026-12-02T00:00:00+01:00"));
        assertThat(OffsetDateTime.parse(periods.getString("[1].start"))).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+01:00"));
        assertThat(OffsetDateTime.parse(periods.getString("[1].end"))).isEqualTo(OffsetDateTime.parse("2026-12-15T00:00:00+01:00"));
    }

    @Test
    void rangesAcrossDaylightSavingKeepEachDaysOwnOffset() {
        JsonPath periods = periods(request(UUID.randomUUID(), "MICRODERMABRASION",
                List.of(other("MICRONEEDLING", "2027-03-20T10:00:00+01:00", "COMPLETED"))));
        // the MN->MDA range is the one that starts on the microneedling's day
        String end = periods.getString("find { it.start.startsWith('2027-03-20') }.end");
        assertThat(OffsetDateTime.parse(end)).isEqualTo(OffsetDateTime.parse("2027-04-03T00:00:00+02:00"));
        assertThat(OffsetDateTime.parse(end).getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void cancelledAndNoShowBlockNothingAndAConsultationIsNeverBlocked() {
        frontDesk().body(request(UUID.randomUUID(), "MICRONEEDLING", List.of(
                other("MICRONEEDLING", "2026-12-01T10:00:00+01:00", "CANCELLED"),
                other("MICRODERMABRASION", "2026-12-03T10:00:00+01:00", "NO_SHOW"))))
                .when().post("/api/screenings/blocked-periods").then().statusCode(200).body("$", empty());
        frontDesk().body(request(UUID.randomUUID(), "CONSULTATION", List.of(
                other("MICRONEEDLING", "2026-12-01T10:00:00+01:00", "CONFIRMED"))))
                .when().post("/api/screenings/blocked-periods").then().statusCode(200).body("$", empty());
    }

    @Test
    void periodsAgreeDayByDayWithScreening() {
        UUID patient = Api.patientWithHealthyIntake();
        List<Map<String, Object>> others = List.of(
                other("MICRONEEDLING", "2026-12-01T10:00:00+01:00", "CONFIRMED"),
                other("MICRODERMABRASION", "2026-12-20T18:00:00+01:00", "PENDING_REVIEW"));
        JsonPath periods = periods(request(patient, "MICRODERMABRASION", others));
        List<Map<String, String>> ranges = periods.getList("$");
        for (LocalDate day = LocalDate.of(2026, 11, 20); day.isBefore(LocalDate.of(2027, 1, 10)); day = day.plusDays(1)) {
            OffsetDateTime start = day.atTime(9, 0).atZone(CLINIC).toOffsetDateTime();
            boolean inPeriod = ranges.stream().anyMatch(r -> !start.isBefore(OffsetDateTime.parse(r.get("start")))
                    && start.isBefore(OffsetDateTime.parse(r.get("end"))));
            String outcome = screen(frontDesk(), screening(patient, "MICRODERMABRASION", start.toString(), others))
                    .statusCode(200).extract().path("outcome");
            assertThat(outcome).as("MDA on %s", day).isEqualTo(inPeriod ? "BLOCKED" : "CLEARED");
        }
    }

    @Test
    void invalidRequestsAreA400NamingTheField() {
        Map<String, Object> body = request(UUID.randomUUID(), "DERMABRASION", List.of());
        frontDesk().body(body).when().post("/api/screenings/blocked-periods").then().statusCode(400)
                .body("errors.field", hasItem("procedure"));
        body = request(UUID.randomUUID(), "MICRONEEDLING", List.of());
        body.put("patientId", null);
        frontDesk().body(body).when().post("/api/screenings/blocked-periods").then().statusCode(400)
                .body("errors.field", hasItem("patientId"));
        io.restassured.RestAssured.given().contentType("application/json").body(request(UUID.randomUUID(), "MICRONEEDLING", List.of()))
                .when().post("/api/screenings/blocked-periods").then().statusCode(401);
    }
}
