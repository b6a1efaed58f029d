package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness reflects the database and the Kafka consumer. */
@QuarkusTest
class HealthTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void readinessReflectsDatabaseAndKafka() {
        await().atMost(Api.WITHIN).until(() -> given().get(readiness).statusCode() == 200);
        given().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.appointments",
                        equalTo("[OK]"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().auth().preemptive().basic("admin", "admin").get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void operationsEndpointsAreNotOnTheMainPort() {
        for (String path : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            given().auth().preemptive().basic("admin", "admin").get(path).then().statusCode(404);
        }
    }
}
