package clinic.content.events;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Kafka payload into an {@link AppointmentEvent}, refusing anything that lacks a required field. */
@ApplicationScoped
public class EventParser {

    private final ObjectMapper mapper;

    public EventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public AppointmentEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("empty payload");
        }
        AppointmentEvent event;
        try {
            event = mapper.readValue(payload, AppointmentEvent.class);
        } catch (JsonProcessingException e) {
            // the message names the JSON location, never the content (which could hold contact data)
            var at = e.getLocation();
            throw new InvalidEventException("not an appointment event: " + e.getClass().getSimpleName()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        if (event == null) {
            throw new InvalidEventException("payload is JSON null");
        }
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

    private static void require(List<String> missing, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.add(field);
        }
    }
}
