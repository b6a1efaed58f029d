package clinic.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import clinic.booking.api.AppointmentDtos.SlotView;

/** The slot list's own serializer writes exactly what Jackson's record serializer writes. */
class SlotViewSerializerTest {

    private static final ObjectMapper WITH_ANNOTATIONS = new ObjectMapper();
    // without annotations Jackson ignores @JsonSerialize and writes the record as a bean
    private static final ObjectMapper AS_A_BEAN = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

    @Test
    void writesTheSameJsonAsTheRecordSerializerWithRepeatedNewAndMissingValues() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID otherPractitioner = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        List<SlotView> slots = List.of(
                new SlotView("2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00", practitioner, room),
                new SlotView("2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00", otherPractitioner, room),
                new SlotView("2026-12-01T09:15:00+01:00", "2026-12-01T10:15:00+01:00", practitioner, null),
                new SlotView("a \"quoted\" \\ value \u00e9\u65e5", null, otherPractitioner, room));

        String written = WITH_ANNOTATIONS.writeValueAsString(slots);

        assertEquals(AS_A_BEAN.writeValueAsString(slots), written);
        assertEquals(slots, List.of(AS_A_BEAN.readValue(written, SlotView[].class)));
    }
}
