package clinic.screening.api;

import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void openApiDescribesTheEndpointsAndHowToAuthenticate() {
        given().queryParam("format", "json").when().get(openApi).then().statusCode(200)
                .body("paths", hasKey("/api/screenings"))
                .body("paths", hasKey("/api/screenings/{decisionId}/review"))
                .body("paths", hasKey("/api/intakes/{patientId}"))
                .body("paths", hasKey("/api/policy"))
                .body("paths.'/api/intakes/{patientId}'.get.description", containsString("clinician"))
                .body("paths.'/api/screenings'.post.security", notNullValue())
                .body("components.securitySchemes", hasKey("basic"))
                .body("components.securitySchemes", hasKey("bearer"));
    }

    @Test
    void decisionsAreCountedInMetrics() {
        screen(frontDesk(), screening(UUID.randomUUID(), "CONSULTATION", "2026-12-01T10:00:00+01:00", List.of()))
                .statusCode(200);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("screening_decisions_total{outcome=\"CLEARED\""));
    }

    @Test
    void theConsumersLagAndDeadLettersAreMeasured() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(metrics).then().statusCode(200).extract().asString()
                .contains("clinic_consumer_lag{group=\"screening-service\",topic=\"clinic.patients.v1\"}"));
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("clinic_dead_letter_depth{topic=\"clinic.patients.v1.screening.dlq\"}"));
    }

    @Test
    void operationsEndpointsAreNotOnTheMainPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            given().auth().preemptive().basic("admin", "admin").when().get(path).then().statusCode(404);
        }
    }
}
