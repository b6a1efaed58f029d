package clinic.screening.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header and the two ways to authenticate (bearer in production, Basic for
 * demo users). An Application subclass because that is where the scanner reads the definition.
 */
@OpenAPIDefinition(
        info = @Info(title = "screening-service", version = "1",
                description = "The clinic's safety gate: intake questionnaires, the safety policy, screening decisions and "
                        + "clinician reviews. Every /api endpoint needs a role (see each operation's security); the patient's "
                        + "self-service intake pages (/public/intake) need none: the link's token is their credential."),
        components = @Components(securitySchemes = {
                @SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT", description = "OIDC access token (production)"),
                @SecurityScheme(securitySchemeName = OpenApiDefinition.BASIC, type = SecuritySchemeType.HTTP,
                        scheme = "basic", description = "Demo users, local and test profiles only")
        }))
public class OpenApiDefinition extends Application {

    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";

}
