package clinic.booking.api;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/**
 * Where the front desk's browser goes to sign in with the clinic's identity provider. The path
 * demands a code flow session (see quarkus.http.auth.permission.sign-in), so Quarkus OIDC sends the
 * browser to the provider's login page and back here; by then it is signed in and goes to the
 * screens. Sign-out is /sign-out, which Quarkus OIDC handles (quarkus.oidc.logout.path).
 */
@Path("/sign-in")
@Tag(name = "Session", description = "Who is signed in, how to sign in, and the clinic's settings for the UI")
public class SignInResource {

    @GET
    @Authenticated
    @Operation(summary = "Sign in through the clinic's identity provider (browser; redirects to the front desk)")
    @APIResponse(responseCode = "303", description = "Signed in: on to the front desk (/)")
    public Response signIn() {
        return Response.seeOther(URI.create("/")).build();
    }
}
