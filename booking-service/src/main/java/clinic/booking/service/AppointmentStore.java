package clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Slot;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.screening.ScreeningDecision.Outcome;

/** The appointment writes of booking and rescheduling, each one transaction with its outbox event. */
@ApplicationScoped
public class AppointmentStore {

    @Inject
    Clock clock;

    @Inject
    PatientSchedule schedules;

    @Inject
    ScreeningInputs inputs;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AppointmentEvents events;

    @Inject
    BlockedTime blockedTime;

    public Appointment get(UUID id) {
        return appointments.get(id);
    }

    /** The appointment as committed now, read in a transaction of its own (not from a request's cache). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Appointment current(UUID id) {
        return appointments.get(id);
    }

    /** Whether the appointment, as committed now, is owed a new decision (see {@link RescreenWorker}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean owedRescreen(UUID id) {
        return appointments.rescreenDue(id);
    }

    @Transactional
    BookingService.Booked create(UUID id, PatientSchedule.Snapshot snapshot, ProcedureType procedure, Slot slot,
            ScreeningDecision decision) {
        inputs.policyPublished(decision.policyVersion());
        AppointmentStatus status = statusFor(decision);
        PatientSchedule.Claimed claimed = schedules.claim(snapshot, decision, status, false);
        Instant now = clock.instant();
        Appointment appointment = new Appointment();
        appointment.id = id;
        appointment.patientId = snapshot.patientId();
        appointment.procedureCode = procedure.code;
        place(appointment, procedure, slot);
        appointment.status = status;
        appointment.recordDecision(decision.basis(), claimed.freedVersion());
        appointment.createdAt = now;
        appointment.updatedAt = now;
        // the event first: it numbers the appointment's events, and the row is written once, with that number
        events.record(AppointmentEventType.reaching(appointment.status), appointment, null, null);
        try {
            appointments.insert(appointment);
        } catch (RuntimeException e) {
            throw ScheduleConflicts.translate(e);
        }
        refuseIfBlockedMeanwhile(appointment);
        return new BookingService.Booked(appointment, decision, claimed.rescreenDue());
    }

    @Transactional
    BookingService.Booked move(UUID id, long expectedVersion, PatientSchedule.Snapshot snapshot, ProcedureType procedure,
            Slot slot, ScreeningDecision decision) {
        inputs.policyPublished(decision.policyVersion());
        AppointmentStatus status = statusFor(decision);
        PatientSchedule.Claimed claimed = schedules.claim(snapshot, decision, status, true);
        Appointment appointment = appointments.get(id);
        if (appointment.version != expectedVersion) {
            throw new StaleScheduleException();
        }
        Instant previousStart = appointment.startAt;
        appointment.moveTo(status, clock.instant());
        appointment.holdReason = null;
        appointment.checkedInAt = null;
        place(appointment, procedure, slot);
        appointment.recordDecision(decision.basis(), claimed.freedVersion());
        events.record(AppointmentEventType.AppointmentRescheduled, appointment, previousStart, null);
        flush();
        refuseIfBlockedMeanwhile(appointment);
        return new BookingService.Booked(appointment, decision, claimed.rescreenDue());
    }

    /**
     * A closure of the day, the practitioner's time off or a change of their hours, committed after this
     * request looked for the slot, is seen only after the write (see {@link BlockedTime}), and the
     * appointment is refused.
     */
    private void refuseIfBlockedMeanwhile(Appointment appointment) {
        blockedTime.refuseIfBlockedAfterWrite(appointment.practitionerId, appointment.startAt, appointment.occupiedUntil);
    }

    private static void place(Appointment appointment, ProcedureType procedure, Slot slot) {
        appointment.practitionerId = slot.practitionerId();
        appointment.roomId = slot.roomId();
        appointment.startAt = slot.start();
        appointment.endAt = slot.start().plus(procedure.duration());
        appointment.occupiedUntil = slot.start().plus(procedure.occupancy());
    }

    /** A booking or a move goes ahead only when screening clears it or sends it to a clinician. */
    private static AppointmentStatus statusFor(ScreeningDecision decision) {
        return decision.outcome() == Outcome.CLEARED ? AppointmentStatus.CONFIRMED : AppointmentStatus.PENDING_REVIEW;
    }

    private static void flush() {
        try {
            Appointment.flush();
        } catch (PersistenceException e) {
            throw ScheduleConflicts.translate(e);
        }
    }
}
