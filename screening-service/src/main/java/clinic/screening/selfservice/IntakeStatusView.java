package clinic.screening.selfservice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a patient's intake is on file and until when it holds, for any staff role: no answer,
 * only states and dates. {@code validUntil} is the last appointment day the latest intake covers
 * under the active policy; {@code invitation} is the latest self-service link, if any.
 */
public record IntakeStatusView(UUID patientId, State state, @Schema(nullable = true) Integer latestVersion,
        @Schema(nullable = true) LocalDate completedOn, @Schema(nullable = true) LocalDate validUntil,
        boolean answeredByPatient, @Schema(nullable = true) OffsetDateTime recordedAt,
        @Schema(nullable = true) Invitation invitation) {

    /** NONE: never recorded; VALID: covers today; EXPIRED: too old for any appointment from today. */
    public enum State { NONE, VALID, EXPIRED }

    /** The latest self-service link and what became of it. */
    public record Invitation(UUID id, String state, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            @Schema(nullable = true) OffsetDateTime usedAt,
            @Schema(nullable = true) Integer intakeVersion) {
    }
}
