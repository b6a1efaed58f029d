package clinic.content.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.web.ProblemException;

/**
 * E-mails a patient their self-service intake link (made by screening-service, asked for by the
 * front desk through booking). One e-mail per invitation: a repeated request answers the first one's state.
 */
@Path("/api/intake-invitation-mails")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intake links", description = "E-mails that carry a patient's self-service intake link")
public class InvitationMailResource {

    /** Contact data and the link only; nothing medical. */
    public record InvitationMailRequest(@NotNull UUID invitationId, @NotNull UUID patientId,
            @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String link,
            @NotNull OffsetDateTime expiresAt) {
    }

    /** The e-mail's state. */
    public record InvitationMailState(UUID invitationId, String status) {
    }

    private final InvitationMailRepository mails;
    private final Clock clock;

    public InvitationMailResource(InvitationMailRepository mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    @POST
    @Transactional
    @RolesAllowed({ "front-desk", "clinician" })
    @Operation(summary = "Queue the e-mail with a patient's intake link (roles: front-desk, clinician)")
    @APIResponse(responseCode = "202", description = "Queued (or already queued for this invitation): its state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationMailState.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem+json naming it)")
    public Response queue(@NotNull @Valid InvitationMailRequest request) {
        Instant now = clock.instant();
        if (!request.expiresAt().toInstant().isAfter(now)) {
            throw ProblemException.badRequest("expiresAt", "the link has already expired");
        }
        InvitationMail mail = mails.findByIdOptional(request.invitationId()).orElseGet(() -> {
            InvitationMail created = new InvitationMail();
            created.invitationId = request.invitationId();
            created.patientId = request.patientId();
            created.recipient = request.email().strip();
            created.firstName = request.firstName().strip();
            created.link = request.link();
            created.expiresAt = request.expiresAt().toInstant();
            created.status = InvitationMail.Status.PENDING;
            created.nextAttemptAt = now;
            created.createdAt = now;
            created.updatedAt = now;
            mails.persist(created);
            return created;
        });
        return Response.accepted(new InvitationMailState(mail.invitationId, mail.status.name())).build();
    }
}
