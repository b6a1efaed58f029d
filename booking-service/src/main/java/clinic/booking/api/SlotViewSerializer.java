package clinic.booking.api;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import clinic.booking.api.AppointmentDtos.SlotView;

/**
 * Writes a slot as Jackson's bean serializer would ({"start", "end", "practitionerId", "roomId"}),
 * but each value object is encoded to JSON's UTF-8 once per answer and copied as bytes after that.
 * A month of availability has tens of thousands of slots and only a few hundred distinct starts and
 * ends, a few practitioners and rooms; encoding every value again (UUIDs formatted, strings
 * escaped character by character) was half of booking's CPU for such an answer (JFR). The cache is
 * keyed by identity, which spares hashing and comparing the texts: the slots of one answer share
 * their practitioners' and rooms' ids and the text of equal times (AvailabilityResource); a value
 * that is equal but not shared is only encoded again. It lives in Jackson's per-call attributes, so
 * it ends with the answer.
 */
final class SlotViewSerializer extends StdSerializer<SlotView> {

    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString END = new SerializedString("end");
    private static final SerializedString PRACTITIONER_ID = new SerializedString("practitionerId");
    private static final SerializedString ROOM_ID = new SerializedString("roomId");
    private static final Object ENCODED = SlotViewSerializer.class;

    SlotViewSerializer() {
        super(SlotView.class);
    }

    @Override
    public void serialize(SlotView slot, JsonGenerator json, SerializerProvider call) throws IOException {
        @SuppressWarnings("unchecked")
        Map<Object, SerializedString> encoded = (Map<Object, SerializedString>) call.getAttribute(ENCODED);
        if (encoded == null) {
            encoded = new IdentityHashMap<>();
            call.setAttribute(ENCODED, encoded);
        }
        json.writeStartObject(slot);
        write(json, START, slot.start(), encoded);
        write(json, END, slot.end(), encoded);
        write(json, PRACTITIONER_ID, slot.practitionerId(), encoded);
        write(json, ROOM_ID, slot.roomId(), encoded);
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, SerializedString name, Object value, Map<Object, SerializedString> encoded)
            throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(encoded.computeIfAbsent(value, v -> new SerializedString(v.toString())));
        }
    }
}
