package clinic.booking.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in and with which roles, so the front-desk screens offer only what the user may do. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Who is signed in, how to sign in, and the clinic's settings for the UI")
public class MeResource {

    /** The signed-in user's name and clinic roles. */
    public record Me(String name, List<String> roles) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN })
    @Operation(summary = "The signed-in user and their roles (all roles)")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles().stream()
                .filter(r -> List.of(Roles.FRONT_DESK, Roles.CLINICIAN, Roles.ADMIN).contains(r)).sorted().toList());
    }
}
