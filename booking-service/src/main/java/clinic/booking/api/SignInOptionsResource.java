package clinic.booking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How the front desk's screens sign a user in, so the sign-in screen shows the right thing before
 * anyone is signed in: the clinic's identity provider in production, the demo users' form only in
 * the local stack and tests (where no identity provider is configured). The one /api endpoint open
 * without sign-in: it says nothing about the clinic or its patients.
 */
@Path("/api/sign-in-options")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Who is signed in, how to sign in, and the clinic's settings for the UI")
public class SignInOptionsResource {

    /** Sign in with the identity provider at {@code signInPath}; sign out at {@code signOutPath}. */
    static final String IDENTITY_PROVIDER = "identity-provider";
    /** Sign in with a demo user's name and password (HTTP Basic), local stack and tests only. */
    static final String DEMO_USERS = "demo-users";

    /** The sign-in method and, for the identity provider, where to start and end a session. */
    public record SignInOptions(String method, @Schema(nullable = true) String signInPath,
            @Schema(nullable = true) String signOutPath) {
    }

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean identityProvider;

    @GET
    @PermitAll
    @Operation(summary = "How to sign in here (no sign-in needed)")
    public SignInOptions options() {
        return identityProvider ? new SignInOptions(IDENTITY_PROVIDER, "/sign-in", "/sign-out")
                : new SignInOptions(DEMO_USERS, null, null);
    }
}
