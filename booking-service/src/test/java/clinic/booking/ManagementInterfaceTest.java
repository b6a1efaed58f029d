package clinic.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health, metrics and the OpenAPI document are served on the management interface only: the main
 * port, which the Ingress exposes, answers none of them. (That the packaged application has no
 * Swagger UI at all is checked by the end-to-end test: Quarkus adds one in test mode.)
 */
@QuarkusTest
class ManagementInterfaceTest {

    // management URLs are relative to the management root, /q

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void theManagementPortServesHealthMetricsAndOpenApiWithoutSignIn() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(openApi).then().statusCode(200).body(containsString("/api/appointments"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui",
            "/q/swagger-ui/index.html" })
    void theMainPortAnswersNoneOfThem(String path) {
        given().auth().preemptive().basic("admin", "admin").get(path).then().statusCode(404);
    }
}
