package clinic.screening.api;

import static clinic.screening.Api.admin;
import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.other;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.screening.Api;
import clinic.screening.policy.DefaultPolicy;
import clinic.screening.policy.PolicyDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PolicyApiTest {

    private int versionBefore;

    @BeforeEach
    void rememberVersion() {
        versionBefore = frontDesk().when().get("/api/policy").then().statusCode(200).extract().path("version");
    }

    /** A policy change made here would leak into every later test: put the defaults back as a new version. */
    @AfterEach
    void restoreDefaults() {
        int now = frontDesk().when().get("/api/policy").then().extract().path("version");
        if (now != versionBefore) {
            Map<String, Object> defaults = update(6, 90, 14, true);
            defaults.put("rules", DefaultPolicy.load().rules().stream()
                    .map(r -> Map.of("id", r.id(), "outcome", r.outcome().name())).toList());
            admin().body(defaults).when().put("/api/policy").then().statusCode(200);
        }
    }

    /** The default matrix with MN->MDA replaced. */
    private static Map<String, Object> update(int washoutMonths, int validityDays, int mnToMdaDays, boolean mnToMdaSameDay) {
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("isotretinoinWashoutMonths", washoutMonths);
        windows.put("intakeValidityDays", validityDays);
        List<Map<String, Object>> intervals = new ArrayList<>();
        intervals.add(interval("MICRONEEDLING", "MICRODERMABRASION", mnToMdaDays, mnToMdaSameDay));
        intervals.add(interval("MICRODERMABRASION", "MICRONEEDLING", 7, true));
        intervals.add(interval("MICRONEEDLING", "MICRONEEDLING", 28, false));
        intervals.add(interval("MICRODERMABRASION", "MICRODERMABRASION", 14, false));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("windows", windows);
        body.put("intervals", intervals);
        body.put("changeNote", "test");
        return body;
    }

    private static Map<String, Object> interval(String from, String to, Object days, Object sameDay) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("from", from);
        interval.put("to", to);
        interval.put("minimumDays", days);
        interval.put("sameDayBlocked", sameDay);
        return interval;
    }

    @Test
    void everyRoleReadsTheActivePolicyWithItsEvidence() {
        for (var as : List.of(frontDesk(), clinician(), admin())) {
            as.when().get("/api/policy").then().statusCode(200)
                    .body("rules.find { it.id == 'ISOTRETINOIN' }.window.length", equalTo(6))
                    .body("rules.find { it.id == 'ISOTRETINOIN' }.window.unit", equalTo("MONTHS"))
                    .body("rules.find { it.id == 'ISOTRETINOIN' }.window.evidence", equalTo("policy"))
                    .body("rules.find { it.id == 'ISOTRETINOIN' }.evidence", equalTo("LATIFALTOJAR-2025"))
                    .body("rules.find { it.id == 'INTAKE_MISSING_OR_STALE' }.window.length", equalTo(90))
                    .body("rules.find { it.id == 'ACTIVE_INFECTION' }.outcome", equalTo("BLOCKED"))
                    .body("rules.find { it.id == 'BLOOD_THINNERS' }.procedures", equalTo(List.of("MICRONEEDLING")))
                    .body("rules.find { it.id == 'KELOID_HISTORY' }.clinicianMessage", org.hamcrest.Matchers.notNullValue())
                    .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.minimumDays", equalTo(14))
                    .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.sameDayBlocked", equalTo(true))
                    .body("intervals.find { it.id == 'INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING' }.minimumDays", equalTo(7))
                    .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRONEEDLING' }.minimumDays", equalTo(28))
                    .body("intervals.find { it.id == 'INTERVAL_MICRODERMABRASION_TO_MICRODERMABRASION' }.minimumDays", equalTo(14))
                    .body("intervals.evidence", org.hamcrest.Matchers.everyItem(equalTo("policy")));
        }
        io.restassured.RestAssured.given().when().get("/api/policy").then().statusCode(401);
    }

    @Test
    void theSeededVersionOneIsTheDefaultPolicy() throws Exception {
        String json = frontDesk().when().get("/api/policy/versions/1").then().statusCode(200)
                .body("version", equalTo(1)).extract().asString();
        PolicyDocument expected = DefaultPolicy.load();
        Map<String, Object> actual = new ObjectMapper().readerForMapOf(Object.class).readValue(json);
        JsonPath path = JsonPath.from(json);
        assertThat(path.getInt("windows.isotretinoinWashoutMonths")).isEqualTo(expected.windows().isotretinoinWashoutMonths());
        assertThat(path.getInt("windows.intakeValidityDays")).isEqualTo(expected.windows().intakeValidityDays());
        assertThat(path.getList("rules.id")).containsExactlyElementsOf(expected.rules().stream().map(PolicyDocument.ContraindicationRule::id).toList());
        assertThat(path.getList("rules.frontDeskMessage"))
                .containsExactlyElementsOf(expected.rules().stream().map(PolicyDocument.ContraindicationRule::frontDeskMessage).toList());
        assertThat(path.getList("rules.evidence"))
                .containsExactlyElementsOf(expected.rules().stream().map(PolicyDocument.ContraindicationRule::evidence).toList());
        assertThat(path.getList("intervals.minimumDays"))
                .containsExactlyElementsOf(expected.intervals().stream().map(PolicyDocument.IntervalRule::minimumDays).toList());
        assertThat(actual).containsKey("intervals");
        frontDesk().when().get("/api/policy/versions/100000").then().statusCode(404);
        frontDesk().when().get("/api/policy/versions/one").then().statusCode(400).body("errors.field", hasItem("version"));
    }

    @Test
    void aChangeMakesANewVersionThatLaterDecisionsUse() {
        int before = frontDesk().when().get("/api/policy").then().extract().path("version");
        UUID patient = Api.patientWithHealthyIntake();
        Map<String, Object> request = screening(patient, "MICRODERMABRASION", "2026-12-15T10:00:00+01:00",
                List.of(other("MICRONEEDLING", "2026-12-01T10:00:00+01:00", "CONFIRMED")));
        screen(frontDesk(), request).statusCode(200).body("outcome", equalTo("CLEARED")).body("policyVersion", equalTo(before));

        admin().body(update(6, 90, 21, true)).when().put("/api/policy").then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("createdBy", equalTo("admin"))
                .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.minimumDays", equalTo(21));

        String earliest = screen(frontDesk(), request).statusCode(200)
                .body("outcome", equalTo("BLOCKED"))
                .body("policyVersion", equalTo(before + 1))
                .extract().path("earliestEligibleStart");
        assertThat(OffsetDateTime.parse(earliest)).isEqualTo(OffsetDateTime.parse("2026-12-22T00:00:00+01:00"));

        JsonPath versions = frontDesk().when().get("/api/policy/versions").then().statusCode(200).extract().jsonPath();
        assertThat(versions.getInt("[0].version")).isEqualTo(before + 1);
        assertThat(versions.getBoolean("[0].active")).isTrue();
        assertThat(versions.getList("version")).contains(before, 1);
        // the old version is kept exactly as it was
        frontDesk().when().get("/api/policy/versions/" + before).then().statusCode(200)
                .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.minimumDays", equalTo(14));
    }

    @Test
    void theSameDayBanIsRefusedByNameAndTheNumbersStayEditable() {
        Map<String, Object> body = update(6, 90, 10, true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) body.get("intervals");
        intervals.get(1).put("sameDayBlocked", false);
        admin().body(body).when().put("/api/policy").then().statusCode(400)
                .body("type", equalTo("urn:clinic:problem:policy-weakens-evidence"))
                .body("errors[0].field", equalTo("intervals[1].sameDayBlocked"))
                .body("errors[0].message", containsString("INTERVAL_MICRODERMABRASION_TO_MICRONEEDLING"));
        // the day counts are clinic policy: 10 instead of 14 is accepted, the ban stays
        admin().body(update(6, 90, 10, true)).when().put("/api/policy").then().statusCode(200)
                .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.minimumDays", equalTo(10))
                .body("intervals.find { it.id == 'INTERVAL_MICRONEEDLING_TO_MICRODERMABRASION' }.sameDayBlocked", equalTo(true));
    }

    @Test
    void anOutcomeMayBeMadeStricterAndDecisionsFollowIt() {
        Map<String, Object> body = update(6, 90, 14, true);
        body.put("rules", List.of(Map.of("id", "BLOOD_THINNERS", "outcome", "BLOCKED")));
        admin().body(body).when().put("/api/policy").then().statusCode(200)
                .body("rules.find { it.id == 'BLOOD_THINNERS' }.outcome", equalTo("BLOCKED"))
                .body("rules.find { it.id == 'ISOTRETINOIN' }.outcome", equalTo("NEEDS_REVIEW"));
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = Api.healthyIntake(clinic.screening.AdjustableClock.DEFAULT_TODAY);
        intake.put("bloodThinners", true);
        Api.putIntake(patient, intake).statusCode(200);
        screen(frontDesk(), screening(patient, "MICRONEEDLING", "2026-12-01T10:00:00+01:00", List.of())).statusCode(200)
                .body("outcome", equalTo("BLOCKED"));
    }

    @Test
    void windowChangesApplyToo() {
        admin().body(update(6, 30, 14, true)).when().put("/api/policy").then().statusCode(200)
                .body("windows.intakeValidityDays", equalTo(30));
        // the default test day's intake is 31 days old on 2026-12-16
        screen(frontDesk(), screening(Api.patientWithHealthyIntake(), "MICRONEEDLING", "2026-12-16T10:00:00+01:00", List.of()))
                .statusCode(200).body("outcome", equalTo("NEEDS_INTAKE"));
    }

    @Test
    void everyVersionSaysWhatChangedAndWhy() {
        for (String note : new String[] { null, " " }) {
            Map<String, Object> body = update(6, 90, 21, true);
            body.put("changeNote", note);
            admin().body(body).when().put("/api/policy").then().statusCode(400)
                    .body("errors[0].field", equalTo("changeNote"));
        }
        frontDesk().when().get("/api/policy").then().body("version", equalTo(versionBefore));
    }

    @Test
    void onlyAdminsChangeThePolicy() {
        frontDesk().body(update(6, 90, 21, true)).when().put("/api/policy").then().statusCode(403);
        clinician().body(update(6, 90, 21, true)).when().put("/api/policy").then().statusCode(403);
        frontDesk().when().get("/api/policy").then().body("intervals[0].minimumDays", equalTo(14));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "negativeDays, minimumDays",
            "negativeWindow, intakeValidityDays",
            "noValidity, intakeValidityDays",
            "noWashout, isotretinoinWashoutMonths",
            "missingWindows, windows",
            "missingSameDay, sameDayBlocked",
            "duplicatePair, intervals",
            "consultation, intervals",
            "threeCells, intervals",
            // evidence: the same-day ban between the two treatments, the contraindications' outcomes
            "sameDayBanOff, intervals[0].sameDayBlocked",
            "weakerOutcome, rules[0].outcome",
            "clearedOutcome, rules[0].outcome",
            "intakeRuleToReview, rules[0].outcome",
            "unknownRule, rules[0].id",
    })
    void invalidChangesAreRejectedAndCreateNoVersion(String change, String expectedField) {
        int before = frontDesk().when().get("/api/policy").then().extract().path("version");
        Map<String, Object> body = update(6, 90, 14, true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) body.get("intervals");
        @SuppressWarnings("unchecked")
        Map<String, Object> windows = (Map<String, Object>) body.get("windows");
        switch (change) {
            case "negativeDays" -> intervals.get(1).put("minimumDays", -1);
            case "negativeWindow" -> windows.put("intakeValidityDays", -5);
            case "noValidity" -> windows.put("intakeValidityDays", 0);
            case "noWashout" -> windows.put("isotretinoinWashoutMonths", 0);
            case "missingWindows" -> body.put("windows", null);
            case "missingSameDay" -> intervals.get(2).put("sameDayBlocked", null);
            case "duplicatePair" -> intervals.set(3, interval("MICRONEEDLING", "MICRONEEDLING", 10, false));
            case "consultation" -> intervals.set(3, interval("CONSULTATION", "MICRONEEDLING", 10, false));
            case "threeCells" -> intervals.remove(3);
            case "sameDayBanOff" -> intervals.get(0).put("sameDayBlocked", false);
            case "weakerOutcome" -> body.put("rules", List.of(Map.of("id", "ACTIVE_INFECTION", "outcome", "NEEDS_REVIEW")));
            case "clearedOutcome" -> body.put("rules", List.of(Map.of("id", "ISOTRETINOIN", "outcome", "CLEARED")));
            case "intakeRuleToReview" -> body.put("rules", List.of(Map.of("id", "INTAKE_MISSING_OR_STALE", "outcome", "NEEDS_REVIEW")));
            case "unknownRule" -> body.put("rules", List.of(Map.of("id", "SUNBURN", "outcome", "BLOCKED")));
            default -> throw new IllegalArgumentException(change);
        }
        List<String> fields = admin().body(body).when().put("/api/policy").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getList("errors.field");
        assertThat(fields).anyMatch(f -> f.contains(expectedField));
        frontDesk().when().get("/api/policy").then().body("version", equalTo(before));
    }
}
