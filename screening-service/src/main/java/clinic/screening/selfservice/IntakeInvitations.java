package clinic.screening.selfservice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.screening.api.IntakeRequest;
import clinic.screening.config.ClinicConfig;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.Intake;
import clinic.screening.domain.IntakeInvitation;
import clinic.screening.domain.IntakeInvitationRepository;
import clinic.screening.service.IntakeService;
import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.logging.Log;

/**
 * Self-service intake: makes a patient's link, and records what the patient answers through it as
 * a new intake version, exactly like one recorded at the desk (announced in the same transaction,
 * so the patient's appointments are screened again). A link works once, for its patient only, until
 * it expires or a newer link replaces it.
 */
@ApplicationScoped
public class IntakeInvitations {

    /** Who recorded an intake that the patient answered themselves (never a clinician). */
    public static final String RECORDED_BY_PATIENT = "patient (self-service link)";

    /** A new link: the invitation and the URL to send. */
    public record Made(IntakeInvitation invitation, String link) {
    }

    private final IntakeInvitationRepository invitations;
    private final IntakeLinkSigner signer;
    private final IntakeService intakes;
    private final ClinicTime time;
    private final ClinicConfig config;

    public IntakeInvitations(IntakeInvitationRepository invitations, IntakeLinkSigner signer, IntakeService intakes,
            ClinicTime time, ClinicConfig config) {
        this.invitations = invitations;
        this.signer = signer;
        this.intakes = intakes;
        this.time = time;
        this.config = config;
    }

    @Transactional
    public Made create(UUID patientId, String by) {
        Instant now = time.now();
        invitations.replaceOutstanding(patientId, now);
        IntakeInvitation invitation = new IntakeInvitation();
        invitation.id = UUID.randomUUID();
        invitation.patientId = patientId;
        invitation.createdBy = by;
        invitation.createdAt = now;
        // whole seconds: the link carries the expiry in seconds and the signature covers it
        invitation.expiresAt = Instant.ofEpochSecond(now.plus(config.intakeLinks().validity()).getEpochSecond());
        invitations.persist(invitation);
        String link = config.intakeLinks().publicUrl().replaceAll("/+$", "") + "/intake/#"
                + signer.sign(invitation.id, patientId, invitation.expiresAt);
        Log.infof("Self-service intake link %s made by %s", invitation.id, by);
        return new Made(invitation, link);
    }

    /** The invitation a link opens, or the problem that tells the patient why it does not work. */
    @Transactional
    public IntakeInvitation open(String token) {
        return usable(token, false);
    }

    /** Records the patient's answers as a new intake version and uses the link up, in one transaction. */
    @Transactional
    public Intake answer(String token, IntakeRequest answers) {
        IntakeInvitation invitation = usable(token, true);
        Intake intake = intakes.record(invitation.patientId, answers, RECORDED_BY_PATIENT, false);
        invitation.usedAt = time.now();
        invitation.intakeVersion = intake.version;
        Log.infof("Self-service intake link %s used: intake version %d", invitation.id, intake.version);
        return intake;
    }

    /** The day the patient answers on, in the clinic's calendar. */
    public LocalDate today() {
        return time.today();
    }

    private IntakeInvitation usable(String token, boolean lock) {
        IntakeLinkSigner.Claims claims = signer.read(token).orElseThrow(IntakeInvitations::notALink);
        IntakeInvitation invitation = (lock ? invitations.lock(claims.invitationId())
                : invitations.findByIdOptional(claims.invitationId())).orElseThrow(IntakeInvitations::notALink);
        if (!signer.verify(claims, invitation.patientId) || !claims.expiresAt().equals(invitation.expiresAt)) {
            throw notALink();
        }
        return switch (invitation.state(time.now())) {
            case WAITING -> invitation;
            case RECEIVED -> throw gone("intake-link-used", "This link has been used",
                    "Your answers have already reached the clinic. Thank you. If something has changed since, please call the clinic.");
            case REPLACED -> throw gone("intake-link-replaced", "This link has been replaced",
                    "The clinic sent you a newer link. Please use the link in the clinic's most recent e-mail.");
            case EXPIRED -> throw gone("intake-link-expired", "This link has expired",
                    "Please ask the clinic to send you a new link.");
        };
    }

    private static ProblemException notALink() {
        return new ProblemException(Problem.of(404, "intake-link-invalid", "This link does not work",
                "Please check that you opened the whole link from the clinic's e-mail, or ask the clinic for a new one."));
    }

    private static ProblemException gone(String kind, String title, String detail) {
        return new ProblemException(Problem.of(410, kind, title, detail));
    }
}
