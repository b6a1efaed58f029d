package clinic.content.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import clinic.content.EventSchema;
import clinic.content.TestAppointment;
import clinic.content.domain.Procedure;

/** Our event records and fixtures against booking's schema file, so the two sides cannot drift. */
class EventContractTest {

    private static final Instant AT = Instant.parse("2030-01-10T09:00:00Z");
    private final EventParser parser = new EventParser(new ObjectMapper().registerModule(new JavaTimeModule()));

    static Stream<ObjectNode> fixtures() {
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 15, 10, 0));
        TestAppointment b = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 1, 16, 11, 0));
        TestAppointment c = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 1, 17, 12, 0));
        return Stream.of(a.event("AppointmentPendingReview", "PENDING_REVIEW", AT), a.confirmed(AT),
                a.rescheduled(LocalDateTime.of(2030, 1, 20, 10, 0), AT), a.checkedIn(AT), a.completed(AT),
                b.confirmed(AT), b.cancelled(AT), c.confirmed(AT), c.noShow(AT),
                c.event("AppointmentRejected", "REJECTED", AT));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureConformsToTheSchemaAndParses(ObjectNode event) {
        assertEquals(Set.of(), EventSchema.violations(event));
        AppointmentEvent parsed = parser.parse(event.toString());
        assertEquals(event.get("eventId").asText(), parsed.eventId().toString());
        assertEquals(event.get("sequence").asLong(), parsed.sequence());
    }

    @Test
    void everyFieldWeReadIsDefinedByTheSchema() {
        Set<String> schemaFields = names(EventSchema.raw().get("properties").fieldNames());
        Set<String> ours = Arrays.stream(AppointmentEvent.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(schemaFields, ours, "our record reads exactly the schema's fields");
    }

    @Test
    void eventTypesAndProceduresMatchTheSchemaEnums() {
        JsonNode props = EventSchema.raw().get("properties");
        assertEquals(texts(props.get("type").get("enum")),
                Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(texts(props.get("procedure").get("enum")),
                Arrays.stream(Procedure.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(1, props.get("version").get("const").asInt());
        assertEquals(AppointmentEvent.KNOWN_VERSION, props.get("version").get("const").asInt());
    }

    static List<String> requiredFields() {
        return StreamSupport.stream(EventSchema.raw().get("required").spliterator(), false).map(JsonNode::asText).toList();
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void anEventWithoutARequiredFieldIsRefusedBySchemaAndParserAlike(String field) {
        ObjectNode event = fixtures().findFirst().orElseThrow();
        event.remove(field);
        assertFalse(EventSchema.violations(event).isEmpty(), "schema refuses it");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> parser.parse(event.toString()));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void anAppointmentEndingBeforeItStartsCanNeverBeAppliedAndIsRefused() {
        ObjectNode event = fixtures().findFirst().orElseThrow();
        event.put("end", event.get("start").asText());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> parser.parse(event.toString()));
        assertTrue(e.getMessage().contains("ends before it starts"), e.getMessage());
    }

    @Test
    void onlyFailuresThatCanNeverPassAreFinal() {
        PassingFailure passing = new PassingFailure();
        assertFalse(passing.test(new InvalidEventException("not an event")));
        assertFalse(passing.test(new RuntimeException(new java.sql.SQLException("check violated", "23514"))));
        assertFalse(passing.test(new RuntimeException(new java.sql.SQLException("bad value", "22007"))));
        // retried: a lost connection, a database shutting down, two replicas racing on one event, a bug
        assertTrue(passing.test(new RuntimeException(new java.sql.SQLException("I/O error", "08006"))));
        assertTrue(passing.test(new java.sql.SQLException("terminating connection", "57P01")));
        assertTrue(passing.test(new RuntimeException(new java.sql.SQLException("duplicate key", "23505"))));
        assertTrue(passing.test(new NullPointerException()));
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode event = fixtures().findFirst().orElseThrow();
        event.put("loyaltyTier", "gold");
        event.putObject("somethingNew").put("nested", true);
        assertTrue(EventSchema.violations(event).isEmpty(), "the schema allows additional properties");
        assertEquals(event.get("eventId").asText(), parser.parse(event.toString()).eventId().toString());
    }

    @Test
    void malformedPayloadsAreRefusedWithoutEchoingThem() {
        for (String payload : List.of("", "not json at all", "[1,2,3]", "null", "{\"eventId\": 42}",
                "{\"eventId\":\"not-a-uuid\",\"patientEmail\":\"secret@patients.example.com\"}")) {
            InvalidEventException e = assertThrows(InvalidEventException.class, () -> parser.parse(payload), payload);
            assertFalse(e.getMessage().contains("secret@patients.example.com"), "reason carries no contact data");
        }
    }

    private static Set<String> names(java.util.Iterator<String> it) {
        Set<String> out = new TreeSet<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
