package clinic.booking.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.booking.api.CatalogDtos.HoursBlock;
import clinic.booking.api.CatalogDtos.PractitionerView;
import clinic.booking.api.CatalogDtos.ProcedureView;
import clinic.booking.api.CatalogDtos.RoomView;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.booking.domain.Room;
import clinic.booking.domain.WorkingHours;
import clinic.web.ProblemException;

/** The admin's changes to what the clinic offers and who works when. */
@ApplicationScoped
public class CatalogAdmin {

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
        room.active = view.active() == null || view.active();
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
        if (practitioner.id == null) {
            practitioner.id = UUID.randomUUID();
        }
        practitioner.name = view.name().strip();
        practitioner.active = view.active() == null || view.active();
        practitioner.weeklyHours.clear();
        for (HoursBlock block : view.weeklyHours()) {
            WorkingHours hours = new WorkingHours();
            hours.id = UUID.randomUUID();
            hours.practitioner = practitioner;
            hours.dayOfWeek = block.dayOfWeek();
            hours.startTime = block.start();
            hours.endTime = block.end();
            hours.kind = block.kind() == null ? WorkingHours.Kind.WORK : block.kind();
            practitioner.weeklyHours.add(hours);
        }
        practitioner.persist();
        return practitioner;
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

    private static void validate(List<HoursBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).end().isAfter(blocks.get(i).start())) {
                throw ProblemException.badRequest("weeklyHours[" + i + "].end", "must be after start");
            }
        }
    }
}
