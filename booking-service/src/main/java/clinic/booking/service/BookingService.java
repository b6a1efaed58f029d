package clinic.booking.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentActions;
import clinic.booking.domain.AppointmentActions.Action;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Slot;
import clinic.booking.screening.ScreeningClient;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.screening.ScreeningDecision.Outcome;
import clinic.booking.screening.ScreeningRequest;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Books and reschedules appointments through the safety gate. Screening is asked outside any
 * transaction; the result is committed only if the patient's schedule did not change meanwhile
 * (otherwise the booking is screened again), and the database's exclusion constraints decide
 * races for the same practitioner or room. A patient is booked at most once at any moment.
 */
@ApplicationScoped
public class BookingService {

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    CatalogService catalog;

    @Inject
    AvailabilityService availability;

    @Inject
    PatientSchedule schedules;

    @Inject
    ScreeningClient screening;

    @Inject
    AppointmentStore store;

    /**
     * What a booking or reschedule produced: the appointment, the decision that let it through, and
     * whether a newer intake or policy made that decision stale before it was even stored.
     */
    public record Booked(Appointment appointment, ScreeningDecision decision, boolean rescreenDue) {
    }

    public Booked book(UUID patientId, ProcedureCode code, OffsetDateTime start, UUID practitionerId, UUID roomId) {
        ProcedureType procedure = catalog.offered(code, "procedure");
        requireFuture(start);
        UUID appointmentId = UUID.randomUUID();
        for (int attempt = 0; attempt < PatientSchedule.SCREENING_ATTEMPTS; attempt++) {
            PatientSchedule.Snapshot snapshot = schedules.snapshot(patientId, "patientId", null);
            Slot slot = availability.slotFor(procedure, start.toInstant(), practitionerId, roomId, null);
            refuseClash(snapshot, slot);
            ScreeningDecision decision = screenOrRefuse(snapshot, appointmentId, code, start);
            try {
                return store.create(appointmentId, snapshot, procedure, slot, decision);
            } catch (StaleScheduleException changedMeanwhile) {
                // screen again against the schedule as it is now
            }
        }
        throw PatientSchedule.busy();
    }

    public Booked reschedule(UUID appointmentId, OffsetDateTime start, UUID practitionerId, UUID roomId) {
        requireFuture(start);
        for (int attempt = 0; attempt < PatientSchedule.SCREENING_ATTEMPTS; attempt++) {
            Appointment current = store.current(appointmentId);
            AppointmentActions.refusal(Action.RESCHEDULE, current, false, clock.instant(), config.timeZone()).ifPresent(refusal -> {
                throw AppointmentLifecycle.refused(refusal);
            });
            ProcedureType procedure = catalog.offered(current.procedureCode, "procedure");
            PatientSchedule.Snapshot snapshot = schedules.snapshot(current.patientId, "patientId", appointmentId);
            Slot slot = availability.slotFor(procedure, start.toInstant(), practitionerId, roomId, appointmentId);
            refuseClash(snapshot, slot);
            ScreeningDecision decision = screenOrRefuse(snapshot, appointmentId, current.procedureCode, start);
            try {
                return store.move(appointmentId, current.version, snapshot, procedure, slot, decision);
            } catch (StaleScheduleException changedMeanwhile) {
                // screen again against the schedule as it is now
            }
        }
        throw PatientSchedule.busy();
    }

    private static void refuseClash(PatientSchedule.Snapshot snapshot, Slot slot) {
        if (snapshot.clashesWith(slot)) {
            throw PatientSchedule.alreadyBooked();
        }
    }

    /** Screens, and refuses (422 with the decision) what screening does not clear or send to review. */
    private ScreeningDecision screenOrRefuse(PatientSchedule.Snapshot snapshot, UUID appointmentId, ProcedureCode code,
            OffsetDateTime start) {
        ScreeningDecision decision = screening.screen(new ScreeningRequest(snapshot.patientId(), appointmentId, code,
                start.atZoneSameInstant(config.timeZone()).toOffsetDateTime(), snapshot.others()));
        if (decision.blocks()) {
            throw refusal(decision);
        }
        return decision;
    }

    static ProblemException refusal(ScreeningDecision decision) {
        boolean needsIntake = decision.outcome() == Outcome.NEEDS_INTAKE;
        return new ProblemException(Problem.of(422, needsIntake ? "screening-needs-intake" : "screening-blocked",
                needsIntake ? "Intake questionnaire needed" : "Blocked by screening",
                needsIntake ? "The patient's intake questionnaire is missing or too old for this date; record it first."
                        : "This appointment cannot be booked: " + String.join("; ", decision.reasons().stream()
                                .map(ScreeningDecision.Reason::frontDeskMessage).filter(m -> m != null).toList()))
                .with("screening", decision));
    }

    private void requireFuture(OffsetDateTime start) {
        if (!start.toInstant().isAfter(clock.instant())) {
            throw ProblemException.badRequest("start", "must be in the future");
        }
    }
}
