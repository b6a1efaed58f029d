package clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Slot;
import clinic.booking.domain.SlotFinder;
import clinic.booking.screening.BlockedPeriod;
import clinic.booking.screening.BlockedPeriodsRequest;
import clinic.booking.screening.ScreeningClient;
import clinic.web.ProblemException;

/** Answers where a procedure fits: free slots over a range, or the slot at one start. */
@ApplicationScoped
public class AvailabilityService {

    @Inject
    ClinicConfig config;

    @Inject
    Clock clock;

    @Inject
    CalendarRepository calendars;

    @Inject
    CatalogService catalog;

    @Inject
    PatientSchedule schedules;

    @Inject
    ScreeningClient screening;

    @Inject
    AppointmentRepository appointments;

    @Inject
    BlockedTime blockedTime;

    /**
     * Free slots between two clinic-local dates (inclusive). With a patient, only slots that
     * patient could pass the interval rules for, and that do not clash with their own bookings.
     * With the appointment being moved, it does not count against itself (its time, its intervals),
     * and its patient and procedure are the ones that count.
     */
    public List<Slot> freeSlots(ProcedureCode code, LocalDate from, LocalDate to, UUID practitionerId, UUID patientId,
            UUID movingAppointmentId) {
        validateRange(from, to);
        UUID patient = patientId;
        if (movingAppointmentId != null) {
            Appointment moving = appointments.get(movingAppointmentId);
            if (moving.procedureCode != code) {
                throw ProblemException.badRequest("procedure", "the appointment being moved is " + moving.procedureCode);
            }
            if (patientId != null && !patientId.equals(moving.patientId)) {
                throw ProblemException.badRequest("patientId", "the appointment being moved belongs to another patient");
            }
            patient = moving.patientId;
        }
        Predicate<Slot> eligible = patient == null ? slot -> true : eligibleFor(patient, code, movingAppointmentId);
        return findFreeSlots(code, from, to, practitionerId, eligible, movingAppointmentId);
    }

    @Transactional
    List<Slot> findFreeSlots(ProcedureCode code, LocalDate from, LocalDate to, UUID practitionerId, Predicate<Slot> eligible,
            UUID ignoring) {
        ProcedureType procedure = catalog.offered(code, "procedure");
        ZoneId zone = config.timeZone();
        Instant rangeStart = from.atStartOfDay(zone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        var loaded = calendars.load(procedure.roomType, rangeStart, rangeEnd, practitionerId, ignoring);
        return new SlotFinder(zone, config.availability().slotStep(), loaded.practitioners(), loaded.rooms())
                .freeSlots(from, to, need(procedure), clock.instant(), eligible);
    }

    /**
     * The slot for a booking at exactly this start, or the reason there is none: 422 when the clinic
     * is closed or nobody works then, 409 when the time is taken. Reads only the time the procedure
     * would take, outside a transaction: the exclusion constraints decide at the insert if someone
     * took it meanwhile.
     */
    public Slot slotFor(ProcedureType procedure, Instant start, UUID practitionerId, UUID roomId, UUID ignoring) {
        ZoneId zone = config.timeZone();
        var loaded = calendars.load(procedure.roomType, start, start.plus(procedure.occupancy()), practitionerId, ignoring);
        SlotFinder finder = new SlotFinder(zone, config.availability().slotStep(), loaded.practitioners(), loaded.rooms());
        Optional<Slot> slot = finder.slotAt(start, need(procedure), practitionerId, roomId);
        if (slot.isPresent()) {
            return slot.get();
        }
        // closures and time off are busy time to the slot finder, so only a start with no slot can fall
        // in one; said plainly rather than as a taken slot
        blockedTime.refuseIfBlocked(practitionerId, start, start.plus(procedure.occupancy()));
        if (!finder.withinWorkingHours(start, need(procedure), practitionerId)) {
            throw BlockedTime.outsideWorkingHours("No practitioner" + (practitionerId == null ? "" : " of those asked for")
                    + " works for the whole of this procedure at that time.");
        }
        throw ScheduleConflicts.slotTaken("The practitioner or room is already booked at that time.");
    }

    private Predicate<Slot> eligibleFor(UUID patientId, ProcedureCode code, UUID movingAppointmentId) {
        PatientSchedule.Snapshot snapshot = schedules.snapshot(patientId, "patientId", movingAppointmentId);
        List<BlockedPeriod> blocked = screening.blockedPeriods(new BlockedPeriodsRequest(patientId, movingAppointmentId, code,
                snapshot.others()));
        return slot -> blocked.stream().noneMatch(b -> !slot.start().isBefore(b.start().toInstant()) && slot.start().isBefore(b.end().toInstant()))
                && !snapshot.clashesWith(slot);
    }

    private void validateRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (days > config.availability().maxDays()) {
            throw ProblemException.badRequest("to", "the range may cover at most " + config.availability().maxDays()
                    + " days (asked for " + days + ")");
        }
    }

    private static SlotFinder.Need need(ProcedureType procedure) {
        return new SlotFinder.Need(procedure.duration(), procedure.occupancy());
    }
}
