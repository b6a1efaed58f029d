package clinic.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import clinic.local.infra.test.KafkaTestResource;
import clinic.local.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "screening"))
@QuarkusTestResource(KafkaTestResource.class)
class HealthTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void readinessReflectsTheDatabase() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().auth().preemptive().basic("admin", "admin").when().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinic:problem:http-404"));
    }
}
