package clinic.content.events;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What reading any event payload takes: JSON into its type, and the check of its required fields. */
final class EventPayloads {

    private EventPayloads() {
    }

    /** The payload as an event of the type, or an {@link InvalidEventException} that names where the JSON broke. */
    static <T> T read(ObjectMapper mapper, String payload, Class<T> type, String what) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("empty payload");
        }
        T event;
        try {
            event = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            // the message names the JSON location, never the content (which could hold contact data)
            var at = e.getLocation();
            throw new InvalidEventException("not " + what + ": " + e.getClass().getSimpleName()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        if (event == null) {
            throw new InvalidEventException("payload is JSON null");
        }
        return event;
    }

    /** Adds the field's name when the value is absent or blank. */
    static void require(List<String> missing, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.add(field);
        }
    }
}
