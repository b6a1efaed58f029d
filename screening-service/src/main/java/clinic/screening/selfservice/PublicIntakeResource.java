package clinic.screening.selfservice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import clinic.screening.api.IntakeRequest;
import clinic.screening.config.ClinicConfig;
import clinic.screening.config.ClinicTime;
import clinic.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The patient's side of a self-service intake link: the only endpoints without sign-in. The link
 * travels in the {@code Intake-Token} header (the page reads it from the address's fragment, which
 * browsers never send to a server, so it is in no access log). Limited per client address.
 */
@Path("/public/intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "patient self-service", description = "The intake a patient fills in through a signed link: no sign-in, the link's token is the only credential")
@PermitAll
public class PublicIntakeResource {

    static final String TOKEN_HEADER = "Intake-Token";

    /** What the page shows before the questions: the clinic and until when the link works. */
    public record LinkView(String clinicName, OffsetDateTime expiresAt, LocalDate today) {
    }

    /** The questionnaire as the patient answers it; the day is the day they answer. */
    public record Answers(
            @NotNull IntakeRequest.Isotretinoin isotretinoin,
            LocalDate isotretinoinLastDose,
            @NotNull Boolean bloodThinners,
            @NotNull Boolean keloidOrHypertrophicScarring,
            @NotNull Boolean activeInfectionOrInflammation,
            @NotNull Boolean activeAcne,
            @NotNull Boolean autoimmuneCondition) {
    }

    /** The clinic has the answers; nothing medical is said back. */
    public record Received(boolean received, String clinicName) {
    }

    private final IntakeInvitations invitations;
    private final PublicRateLimiter limiter;
    private final ClinicConfig config;
    private final ClinicTime time;

    public PublicIntakeResource(IntakeInvitations invitations, PublicRateLimiter limiter, ClinicConfig config, ClinicTime time) {
        this.invitations = invitations;
        this.limiter = limiter;
        this.config = config;
        this.time = time;
    }

    @GET
    @Path("/link")
    @Operation(summary = "Check a self-service intake link (no sign-in; the link in the Intake-Token header)")
    @APIResponse(responseCode = "200", description = "The link works: the clinic's name and when it expires")
    @APIResponse(responseCode = "404", description = "Not a link of this clinic (intake-link-invalid); the problem names the clinic and its phone (clinicName, clinicPhone)")
    @APIResponse(responseCode = "410", description = "Used, replaced by a newer one, or expired; the problem names the clinic and its phone (clinicName, clinicPhone)")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; Retry-After says when to try again")
    public LinkView link(@RestHeader(TOKEN_HEADER) String token, @Context HttpServerRequest request) {
        limiter.admit(client(request));
        var invitation = namingTheClinic(() -> invitations.open(token));
        return new LinkView(config.name(), time.render(invitation.expiresAt), time.today());
    }

    @POST
    @Path("/answers")
    @Operation(summary = "Send the intake answers through a self-service link (no sign-in; the link in the Intake-Token header)",
            description = "Recorded by screening-service as a new intake version, like one recorded at the desk, and the patient's "
                    + "appointments are screened again. The link then stops working.")
    @APIResponse(responseCode = "200", description = "Received")
    @APIResponse(responseCode = "400", description = "A missing answer or an impossible date, named in errors[].field")
    @APIResponse(responseCode = "404", description = "Not a link of this clinic; the problem names the clinic and its phone (clinicName, clinicPhone)")
    @APIResponse(responseCode = "410", description = "Used, replaced or expired; the problem names the clinic and its phone (clinicName, clinicPhone)")
    @APIResponse(responseCode = "429", description = "Too many requests from this address")
    public Received answer(@RestHeader(TOKEN_HEADER) String token, @NotNull @Valid Answers answers,
            @Context HttpServerRequest request) {
        limiter.admit(client(request));
        namingTheClinic(() -> invitations.answer(token, new IntakeRequest(answers.isotretinoin(), answers.isotretinoinLastDose(),
                answers.bloodThinners(), answers.keloidOrHypertrophicScarring(), answers.activeInfectionOrInflammation(),
                answers.activeAcne(), answers.autoimmuneCondition(), invitations.today())));
        return new Received(true, config.name());
    }

    /**
     * A link that does not work sends the patient to the clinic: its answer names the clinic and its
     * phone number ({@code clinicName}, {@code clinicPhone}), so the page can say whom to call.
     */
    private <T> T namingTheClinic(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            if (e.problem().status() != 404 && e.problem().status() != 410) {
                throw e;
            }
            throw new ProblemException(e.problem().with("clinicName", config.name()).with("clinicPhone", config.phone()));
        }
    }

    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
