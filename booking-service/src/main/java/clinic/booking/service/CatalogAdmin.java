package clinic.booking.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.api.CatalogDtos.HoursBlock;
import clinic.booking.api.CatalogDtos.PractitionerView;
import clinic.booking.api.CatalogDtos.ProcedureView;
import clinic.booking.api.CatalogDtos.RoomView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.DeskWording;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Room;
import clinic.booking.domain.WorkingHours;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** The admin's changes to what the clinic offers and who works when. */
@ApplicationScoped
public class CatalogAdmin {

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    AppointmentRepository appointments;

    @Transactional
    public ProcedureType saveProcedure(ProcedureCode code, ProcedureView view) {
        ProcedureType procedure = ProcedureType.findById(code);
        if (procedure == null) {
            procedure = new ProcedureType();
            procedure.code = code;
        }
        procedure.name = view.name().strip();
        procedure.durationMinutes = view.durationMinutes();
        procedure.bufferAfterMinutes = view.bufferAfterMinutes();
        procedure.roomType = roomTypeOfSomeRoom(view.roomType().strip());
        procedure.persist();
        return procedure;
    }

    @Transactional
    public Room saveRoom(UUID id, RoomView view) {
        Room room = id == null ? new Room() : Room.findById(id);
        if (room == null) {
            throw ProblemException.notFound("Room", id);
        }
        if (room.id == null) {
            room.id = UUID.randomUUID();
        }
        room.name = view.name().strip();
        room.roomType = view.roomType().strip();
        boolean active = view.active() == null || view.active();
        if (room.active && !active) {
            refuseRetiring(room.name, Appointment.list("roomId = ?1 and status in ?2 and endAt > ?3 order by startAt",
                    room.id, AppointmentStatus.SCREENED, clock.instant()));
        }
        room.active = active;
        room.persist();
        return room;
    }

    @Transactional
    public Practitioner savePractitioner(UUID id, PractitionerView view) {
        Practitioner practitioner = id == null ? new Practitioner() : Practitioner.findById(id);
        if (practitioner == null) {
            throw ProblemException.notFound("Practitioner", id);
        }
        validate(view.weeklyHours());
        boolean isNew = practitioner.id == null;
        if (isNew) {
            practitioner.id = UUID.randomUUID();
        }
        // a change of name or of the active flag alone holds no booking back and rewrites no hours
        boolean hoursChanged = !isNew && !blocks(view.weeklyHours()).equals(blocks(practitioner.weeklyHours.stream()
                .map(h -> new HoursBlock(h.dayOfWeek, h.startTime, h.endTime, h.kind)).toList()));
        List<Appointment> outsideOldHours = List.of();
        if (hoursChanged) {
            // no booking may slip in on the old hours unseen: each also checks the hours after its write (BlockedTime)
            appointments.holdWrites();
            outsideOldHours = appointments.outsideWorkingHours(practitioner.id, clock.instant(), config.timeZone());
        }
        practitioner.name = view.name().strip();
        boolean active = view.active() == null || view.active();
        if (practitioner.active && !active) {
            refuseRetiring(practitioner.name, Appointment.list("practitionerId = ?1 and status in ?2 and endAt > ?3 order by startAt",
                    practitioner.id, AppointmentStatus.SCREENED, clock.instant()));
        }
        practitioner.active = active;
        if (isNew || hoursChanged) {
            writeHours(practitioner, view.weeklyHours());
        }
        practitioner.persist();
        if (hoursChanged) {
            Practitioner.flush();
            refuseLeavingOutsideHours(practitioner.name, outsideOldHours,
                    appointments.outsideWorkingHours(practitioner.id, clock.instant(), config.timeZone()));
        }
        return practitioner;
    }

    /** The blocks as a set, a missing kind read as work: what two lists of hours are compared by. */
    private static Set<HoursBlock> blocks(List<HoursBlock> list) {
        return list.stream().map(b -> new HoursBlock(b.dayOfWeek(), b.start(), b.end(), kindOf(b))).collect(Collectors.toSet());
    }

    private static WorkingHours.Kind kindOf(HoursBlock block) {
        return block.kind() == null ? WorkingHours.Kind.WORK : block.kind();
    }

    private static void writeHours(Practitioner practitioner, List<HoursBlock> blocks) {
        practitioner.weeklyHours.clear();
        for (HoursBlock block : blocks) {
            WorkingHours hours = new WorkingHours();
            hours.id = UUID.randomUUID();
            hours.practitioner = practitioner;
            hours.dayOfWeek = block.dayOfWeek();
            hours.startTime = block.start();
            hours.endTime = block.end();
            hours.kind = kindOf(block);
            practitioner.weeklyHours.add(hours);
        }
    }

    /**
     * A procedure is booked into a room of its type, so a type no room has (a typo, say) would leave it
     * with no free times at all, without a word. Inactive rooms count: one closed for a while keeps its type.
     */
    private static String roomTypeOfSomeRoom(String roomType) {
        if (Room.count("roomType", roomType) == 0) {
            List<String> types = Room.<Room>listAll().stream().map(r -> r.roomType).distinct().sorted().toList();
            throw ProblemException.badRequest("roomType", types.isEmpty() ? "no room is of this type: add the room first"
                    : "no room is of this type; the rooms' types are " + String.join(", ", types));
        }
        return roomType;
    }

    /**
     * A practitioner or room taken out of use leaves the calendar's columns and the free times, so the
     * appointments still to come with them would be hidden from the desk while their patients still
     * come: refused until the desk has moved or cancelled them (409 naming them).
     */
    private void refuseRetiring(String name, List<Appointment> stillToCome) {
        if (!stillToCome.isEmpty()) {
            throw stillBooked("still-booked", "Appointments still to come", name + " has " + count(stillToCome)
                            + " still to come, the first on " + firstOf(stillToCome) + ": move or cancel " + themOrIt(stillToCome)
                            + " first, then take " + name + " out of use.", stillToCome,
                    new Problem.FieldError("active", "cannot be turned off while appointments are still to come"));
        }
    }

    /**
     * New working hours that no longer cover appointments still to come would leave their patients
     * arriving when the practitioner does not work (and the calendar showing them outside the hours):
     * refused until the desk has moved or cancelled them (409 naming them). Appointments the old hours
     * did not cover either (booked before an earlier change) do not stand in the way of this one.
     */
    private void refuseLeavingOutsideHours(String name, List<Appointment> outsideBefore, List<Appointment> outsideAfter) {
        Set<UUID> before = outsideBefore.stream().map(a -> a.id).collect(Collectors.toSet());
        List<Appointment> leftOut = outsideAfter.stream().filter(a -> !before.contains(a.id)).toList();
        if (!leftOut.isEmpty()) {
            throw stillBooked("outside-new-hours", "Appointments outside the new hours", "These hours leave " + count(leftOut)
                            + " of " + name + " outside working hours, the first on " + firstOf(leftOut) + ": move or cancel "
                            + themOrIt(leftOut) + " first, then change the hours.", leftOut,
                    new Problem.FieldError("weeklyHours", "would leave booked appointments outside working hours"));
        }
    }

    private static ProblemException stillBooked(String kind, String title, String detail, List<Appointment> booked,
            Problem.FieldError error) {
        return new ProblemException(Problem.of(409, kind, title, detail)
                .with("appointments", booked.stream().map(a -> a.id).toList())
                .withErrors(List.of(error)));
    }

    private static String count(List<Appointment> booked) {
        return booked.size() + (booked.size() == 1 ? " appointment" : " appointments");
    }

    private static String themOrIt(List<Appointment> booked) {
        return booked.size() == 1 ? "it" : "them";
    }

    private String firstOf(List<Appointment> booked) {
        return DeskWording.dayAndTime(booked.get(0).startAt, config.timeZone());
    }

    /**
     * Each block ends after it starts; a day's working blocks do not overlap (the free times would be
     * offered twice), and a break lies within a working block of its day (else it takes nothing away,
     * which is a mistake: a typo in the day or the hours).
     */
    private static void validate(List<HoursBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).end().isAfter(blocks.get(i).start())) {
                throw ProblemException.badRequest("weeklyHours[" + i + "].end", "must be after start");
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            HoursBlock block = blocks.get(i);
            if (isBreak(block)) {
                boolean within = blocks.stream().anyMatch(work -> !isBreak(work) && work.dayOfWeek().equals(block.dayOfWeek())
                        && !block.start().isBefore(work.start()) && !block.end().isAfter(work.end()));
                if (!within) {
                    throw ProblemException.badRequest("weeklyHours[" + i + "].start", "a break must lie within working hours of its day");
                }
                continue;
            }
            for (int j = 0; j < i; j++) {
                HoursBlock earlier = blocks.get(j);
                if (!isBreak(earlier) && earlier.dayOfWeek().equals(block.dayOfWeek())
                        && block.start().isBefore(earlier.end()) && earlier.start().isBefore(block.end())) {
                    throw ProblemException.badRequest("weeklyHours[" + i + "].start", "overlaps row " + (j + 1) + " of the same day");
                }
            }
        }
    }

    private static boolean isBreak(HoursBlock block) {
        return block.kind() == WorkingHours.Kind.BREAK;
    }
}
