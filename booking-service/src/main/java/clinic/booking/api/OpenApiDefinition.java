package clinic.booking.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header and the two ways to authenticate: OIDC bearer tokens in
 * production, HTTP Basic for the demo users locally. Roles are named in each operation's summary.
 */
@OpenAPIDefinition(
        info = @Info(title = "booking-service", version = "1",
                description = "The clinic's calendar: patients, availability and appointments gated by safety screening. "
                        + "Every endpoint needs one of the roles front-desk, clinician, admin. Errors are RFC 9457 "
                        + "application/problem+json with type urn:clinic:problem:<kind>."),
        components = @Components(securitySchemes = {
                @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                        bearerFormat = "JWT", description = "OIDC access token (production)"),
                @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                        description = "Demo users, local stack and tests only") }),
        security = { @SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic") })
public class OpenApiDefinition extends Application {
}
