package clinic.content.events;

import static clinic.content.events.EventPayloads.require;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Kafka payload into a {@link PatientEvent}, refusing anything that lacks a field its type requires. */
@ApplicationScoped
public class PatientEventParser {

    private final ObjectMapper mapper;

    public PatientEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public PatientEvent parse(String payload) {
        PatientEvent event = EventPayloads.read(mapper, payload, PatientEvent.class, "a patient event");
        List<String> missing = new ArrayList<>();
        require(missing, "eventId", event.eventId());
        require(missing, "type", event.type());
        require(missing, "version", event.version());
        require(missing, "occurredAt", event.occurredAt());
        require(missing, "patientId", event.patientId());
        switch (event.type() == null ? "" : event.type()) {
            case PatientEvent.CONTACT_CORRECTED -> contact(missing, event);
            case PatientEvent.MERGED -> {
                require(missing, "survivorId", event.survivorId());
                contact(missing, event);
            }
            case PatientEvent.ERASED -> require(missing, "mergedPatientIds", event.mergedPatientIds());
            default -> {
                // a type added later: recorded and left alone
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException("patient event " + event.eventId() + " lacks required fields " + missing);
        }
        if (event.contactVersion() != null && event.contactVersion() < 1) {
            throw new InvalidEventException("patient event " + event.eventId() + " has a contact version below 1");
        }
        if (event.patientId().equals(event.survivorId())) {
            throw new InvalidEventException("patient event " + event.eventId() + " merges a record into itself");
        }
        return event;
    }

    private static void contact(List<String> missing, PatientEvent e) {
        require(missing, "contactVersion", e.contactVersion());
        require(missing, "firstName", e.firstName());
        require(missing, "email", e.email());
    }
}
