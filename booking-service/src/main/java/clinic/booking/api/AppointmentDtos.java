package clinic.booking.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentActions;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ReviewVerdict;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.service.AppointmentLifecycle;

/** Request and response bodies of the appointments and availability APIs. */
public final class AppointmentDtos {

    private AppointmentDtos() {
    }

    /** Book a procedure; practitioner and room are chosen by the clinic when not given. */
    public record BookRequest(@NotNull UUID patientId, @NotNull ProcedureCode procedure, @NotNull OffsetDateTime start,
            UUID practitionerId, UUID roomId) {
    }

    /** Move an appointment; it keeps its id and is screened again. Without a practitioner any free one may take it. */
    public record RescheduleRequest(@NotNull OffsetDateTime start, UUID practitionerId, UUID roomId) {
    }

    /** Why an appointment is cancelled (a code; free text is not carried further). */
    public record CancelRequest(@NotNull AppointmentLifecycle.CancelReason reason) {
    }

    /** When the procedure really ended, if not now; the aftercare timeline starts there. */
    public record CompleteRequest(OffsetDateTime completedAt) {
    }

    /**
     * The screening part of an appointment: the decision's id and outcome, front-desk categories (never
     * rule ids), and a clinician's verdict on it if any. Clinicians read the detail from
     * {@code /api/appointments/{id}/screening}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreeningView(@Schema(nullable = true) UUID decisionId, @Schema(nullable = true) String outcome,
            @Schema(nullable = true) List<String> categories,
            @Schema(nullable = true) List<ScreeningDecision.Reason> reasons,
            @Schema(nullable = true) OffsetDateTime earliestEligibleStart,
            @Schema(nullable = true) ReviewVerdict reviewVerdict) {

        static ScreeningView of(ScreeningDecision decision, ZoneId zone) {
            return new ScreeningView(decision.decisionId(), decision.outcome().name(), decision.categories(),
                    decision.reasons(), local(decision.earliestEligibleStart() == null ? null
                            : decision.earliestEligibleStart().toInstant(), zone), null);
        }

        /** From what booking stores: the categories only. */
        static ScreeningView stored(Appointment a) {
            return new ScreeningView(a.screeningDecisionId, a.screeningOutcome, a.categories(), null, null, a.reviewVerdict);
        }
    }

    /**
     * An appointment, with times in the clinic's zone. {@code rescreenDue}: the patient's intake or the
     * policy changed after its decision and it is being screened again (no check-in until done).
     * {@code checkedInAt}: when the patient arrived, also while a review or hold that came after is settled.
     * {@code actions}: what may be done with it now, by the clinic's time rules.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentView(UUID id, UUID patientId, ProcedureCode procedure, OffsetDateTime start, OffsetDateTime end,
            UUID practitionerId, UUID roomId, AppointmentStatus status, @Schema(nullable = true) ScreeningView screening,
            boolean rescreenDue, @Schema(nullable = true) String holdReason, @Schema(nullable = true) String cancelReason,
            @Schema(nullable = true) OffsetDateTime checkedInAt, @Schema(nullable = true) OffsetDateTime completedAt,
            @Schema(nullable = true) List<AppointmentActions.Action> actions) {
    }

    /** A free slot; start and end are ISO-8601 date-times with the clinic zone's offset. */
    @JsonSerialize(using = SlotViewSerializer.class)
    public record SlotView(String start, String end, UUID practitionerId, UUID roomId) {
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
