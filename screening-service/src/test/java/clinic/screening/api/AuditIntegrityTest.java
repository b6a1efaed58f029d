package clinic.screening.api;

import static clinic.screening.Api.clinician;
import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.healthyIntake;
import static clinic.screening.Api.putIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import clinic.screening.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditIntegrityTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoCliniciansReviewingAtOnceGetOneReviewAndOneConflict() throws Exception {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("autoimmuneCondition", true);
        putIntake(patient, intake).statusCode(200);
        String decisionId = screen(frontDesk(), screening(patient, "MICRODERMABRASION", "2026-12-01T10:00:00+01:00", List.of()))
                .statusCode(200).body("outcome", equalTo("NEEDS_REVIEW")).extract().path("decisionId");

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = List.of("APPROVE", "DENY").stream()
                .map(verdict -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return clinician().body(Map.of("decision", verdict, "reason", "concurrent " + verdict))
                            .when().post("/api/screenings/" + decisionId + "/review").then().extract().statusCode();
                }))
                .toList();
        go.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "update screening_decision set outcome = 'CLEARED'",
            "delete from screening_decision",
            "update intake set active_infection_or_inflammation = false",
            "delete from policy_version",
            "update screening_review set decision = 'APPROVE'",
    })
    void theDatabaseRefusesToRewriteTheAuditTrail(String statement) throws SQLException {
        // make sure every table has a row to refuse
        decisionWithReview();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(statement)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("immutable");
        }
    }

    private void decisionWithReview() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> intake = healthyIntake(AdjustableClock.DEFAULT_TODAY);
        intake.put("activeAcne", true);
        putIntake(patient, intake).statusCode(200);
        String decisionId = screen(frontDesk(), screening(patient, "MICRONEEDLING", "2026-12-01T10:00:00+01:00", List.of()))
                .statusCode(200).extract().path("decisionId");
        clinician().body(Map.of("decision", "DENY", "reason", "acne flare")).when()
                .post("/api/screenings/" + decisionId + "/review").then().statusCode(200);
    }
}
