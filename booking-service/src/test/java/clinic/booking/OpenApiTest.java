package clinic.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes the endpoints, their errors and how to authenticate. */
@QuarkusTest
class OpenApiTest {

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void documentsEndpointsErrorsAndSecurity() {
        given().queryParam("format", "json").get(openApi).then().statusCode(200)
                .body("paths", hasKey("/api/appointments"))
                .body("paths", hasKey("/api/availability"))
                .body("paths", hasKey("/api/patients/{id}/intake"))
                .body("paths.'/api/appointments'.post.responses", hasKey("503"))
                .body("paths.'/api/appointments'.post.responses", hasKey("422"))
                .body("paths.'/api/appointments'.post.responses", hasKey("409"))
                .body("components.securitySchemes.bearer.scheme", notNullValue())
                .body("components.securitySchemes.basic.scheme", notNullValue());
    }
}
