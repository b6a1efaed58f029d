package clinic.content.events;

import static clinic.content.events.EventPayloads.require;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Kafka payload into an {@link AppointmentEvent}, refusing anything that lacks a required field. */
@ApplicationScoped
public class EventParser {

    private final ObjectMapper mapper;

    public EventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public AppointmentEvent parse(String payload) {
        AppointmentEvent event = EventPayloads.read(mapper, payload, AppointmentEvent.class, "an appointment event");
        List<String> missing = missingRequired(event);
        if (!missing.isEmpty()) {
            throw new InvalidEventException("event " + event.eventId() + " lacks required fields " + missing);
        }
        if (!event.end().isAfter(event.start())) {
            throw new InvalidEventException("event " + event.eventId() + " ends before it starts");
        }
        if (event.sequence() < 1) {
            throw new InvalidEventException("event " + event.eventId() + " has a sequence below 1");
        }
        return event;
    }

    /** The fields the schema requires that are absent (or blank). */
    private static List<String> missingRequired(AppointmentEvent e) {
        List<String> missing = new ArrayList<>();
        require(missing, "eventId", e.eventId());
        require(missing, "type", e.type());
        require(missing, "version", e.version());
        require(missing, "occurredAt", e.occurredAt());
        require(missing, "appointmentId", e.appointmentId());
        require(missing, "sequence", e.sequence());
        require(missing, "patientId", e.patientId());
        require(missing, "patientFirstName", e.patientFirstName());
        require(missing, "patientEmail", e.patientEmail());
        require(missing, "procedure", e.procedure());
        require(missing, "start", e.start());
        require(missing, "end", e.end());
        require(missing, "status", e.status());
        return missing;
    }
}
