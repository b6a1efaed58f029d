package clinic.booking.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The OpenAPI document's header. The ways to sign in and each operation's security come from
 * clinic.web.openapi.ApiDocumentFilter, like everything all services share.
 */
@OpenAPIDefinition(
        info = @Info(title = "booking-service", version = "1",
                description = "The clinic's calendar: patients, availability and appointments gated by safety screening. "
                        + "Every /api endpoint but /api/sign-in-options needs one of the roles front-desk, clinician, "
                        + "admin (see each operation's security); the opt-out pages need none. Errors are RFC 9457 "
                        + "application/problem+json with type urn:clinic:problem:<kind>."))
public class OpenApiDefinition extends Application {
}
