package clinic.booking.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;
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

    /** Move an appointment; it keeps its id and is screened again. */
    public record RescheduleRequest(@NotNull OffsetDateTime start, UUID practitionerId, UUID roomId) {
    }

    /** Why an appointment is cancelled (a code; free text is not carried further). */
    public record CancelRequest(@NotNull AppointmentLifecycle.CancelReason reason) {
    }

    /** The screening part of an appointment: a decision's id, outcome and front-desk-safe reasons. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreeningView(UUID decisionId, String outcome, List<ScreeningDecision.Reason> reasons,
            OffsetDateTime earliestEligibleStart) {

        static ScreeningView of(ScreeningDecision decision) {
            return new ScreeningView(decision.decisionId(), decision.outcome().name(), decision.reasons(),
                    decision.earliestEligibleStart());
        }

        /** From what booking stores: the rule ids only. */
        static ScreeningView stored(Appointment a) {
            return new ScreeningView(a.screeningDecisionId, a.screeningOutcome,
                    a.reasonCodes().stream().map(code -> new ScreeningDecision.Reason(code, null, null, null)).toList(), null);
        }
    }

    /** An appointment, with times in the clinic's zone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppointmentView(UUID id, UUID patientId, ProcedureCode procedure, OffsetDateTime start, OffsetDateTime end,
            UUID practitionerId, UUID roomId, AppointmentStatus status, ScreeningView screening, String cancelReason,
            OffsetDateTime completedAt) {

        static AppointmentView of(Appointment a, ScreeningView screening, ZoneId zone) {
            return new AppointmentView(a.id, a.patientId, a.procedureCode, local(a.startAt, zone), local(a.endAt, zone),
                    a.practitionerId, a.roomId, a.status, screening, a.cancelReason, local(a.completedAt, zone));
        }

        static AppointmentView of(Appointment a, ZoneId zone) {
            return of(a, ScreeningView.stored(a), zone);
        }
    }

    /** A free slot; start and end are ISO-8601 date-times with the clinic zone's offset. */
    public record SlotView(String start, String end, UUID practitionerId, UUID roomId) {
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
