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
import clinic.web.Problem;
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

    /**
     * Free slots between two clinic-local dates (inclusive). With a patient, only slots that
     * patient could pass the interval rules for, and that do not clash with their own bookings.
     */
    public List<Slot> freeSlots(ProcedureCode code, LocalDate from, LocalDate to, UUID practitionerId, UUID patientId) {
        validateRange(from, to);
        Predicate<Slot> eligible = patientId == null ? slot -> true : eligibleFor(patientId, code);
        return findFreeSlots(code, from, to, practitionerId, eligible);
    }

    @Transactional
    List<Slot> findFreeSlots(ProcedureCode code, LocalDate from, LocalDate to, UUID practitionerId, Predicate<Slot> eligible) {
        ProcedureType procedure = catalog.offered(code, "procedure");
        ZoneId zone = config.timeZone();
        Instant rangeStart = from.atStartOfDay(zone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        var loaded = calendars.load(procedure.roomType, rangeStart, rangeEnd, practitionerId, null);
        return new SlotFinder(zone, config.availability().slotStep(), loaded.practitioners(), loaded.rooms())
                .freeSlots(from, to, need(procedure), clock.instant(), eligible);
    }

    /**
     * The slot for a booking at exactly this start, or the reason there is none: 422 when nobody
     * works then, 409 when the time is taken.
     */
    @Transactional
    public Slot slotFor(ProcedureType procedure, Instant start, UUID practitionerId, UUID roomId, UUID ignoring) {
        ZoneId zone = config.timeZone();
        LocalDate day = start.atZone(zone).toLocalDate();
        var loaded = calendars.load(procedure.roomType, day.atStartOfDay(zone).toInstant(),
                day.plusDays(2).atStartOfDay(zone).toInstant(), practitionerId, ignoring);
        SlotFinder finder = new SlotFinder(zone, config.availability().slotStep(), loaded.practitioners(), loaded.rooms());
        Optional<Slot> slot = finder.slotAt(start, need(procedure), practitionerId, roomId);
        if (slot.isPresent()) {
            return slot.get();
        }
        if (!finder.withinWorkingHours(start, need(procedure), practitionerId)) {
            throw new ProblemException(Problem.of(422, "outside-working-hours", "Outside working hours",
                    "No practitioner" + (practitionerId == null ? "" : " of those asked for")
                            + " works for the whole of this procedure at that time.")
                    .withErrors(List.of(new Problem.FieldError("start", "outside working hours"))));
        }
        throw ScheduleConflicts.slotTaken("The practitioner or room is already booked at that time.");
    }

    private Predicate<Slot> eligibleFor(UUID patientId, ProcedureCode code) {
        PatientSchedule.Snapshot snapshot = schedules.snapshot(patientId, "patientId", null);
        List<BlockedPeriod> blocked = screening.blockedPeriods(new BlockedPeriodsRequest(patientId, code, snapshot.others()));
        List<Appointment> own = Appointment.list("patientId = ?1 and status in ?2", patientId,
                clinic.booking.domain.AppointmentStatus.HOLDING_TIME);
        return slot -> blocked.stream().noneMatch(b -> !slot.start().isBefore(b.start().toInstant()) && slot.start().isBefore(b.end().toInstant()))
                && own.stream().noneMatch(a -> slot.start().isBefore(a.endAt) && a.startAt.isBefore(slot.end()));
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
