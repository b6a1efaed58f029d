package clinic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import clinic.web.input.FreeText;
import clinic.web.input.StrictJson;

/** The request mapper refuses every guess Jackson would otherwise make, and names the field. */
class StrictJsonTest {

    enum Kind { FIRST, SECOND }

    record Item(LocalDate from, String label) {
    }

    record Form(String name, @FreeText String note, LocalDate born, OffsetDateTime start, UUID id, Boolean flag,
            Integer count, Kind kind, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tolerant(String name) {
    }

    /** Like Quarkus's own mapper: java.time, ISO dates out, unknown fields ignored. */
    private static final ObjectMapper BASE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper STRICT = StrictJson.forRequests(BASE);

    @Test
    void aWellTypedBodyIsRead() throws Exception {
        Form form = STRICT.readValue("""
                {"name":"Zoë Łukasik 😀","note":"line one\\r\\n\\tline two","born":"1990-04-02",
                 "start":"2030-01-07T10:00:00+01:00","id":"00000000-0000-4000-8000-000000000001","flag":false,
                 "count":3,"kind":"SECOND","items":[{"from":"2030-01-01","label":"x"}]}""", Form.class);
        assertEquals("Zoë Łukasik 😀", form.name());
        assertEquals("line one\r\n\tline two", form.note());
        assertEquals(LocalDate.of(1990, 4, 2), form.born());
        assertEquals(Kind.SECOND, form.kind());
        assertEquals(LocalDate.of(2030, 1, 1), form.items().get(0).from());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // control characters and broken text
            "{\"name\":\"a\\u0000b\"}                | name         | contains a control character (U+0000)",
            "{\"name\":\"a\\nb\"}                    | name         | contains a control character (U+000A)",
            "{\"name\":\"a\\tb\"}                    | name         | contains a control character (U+0009)",
            "{\"name\":\"\\u007f\"}                  | name         | contains a control character (U+007F)",
            "{\"name\":\"\\u0085\"}                  | name         | contains a control character (U+0085)",
            "{\"name\":\"\\ud800\"}                  | name         | contains an unpaired surrogate (U+D800)",
            "{\"name\":\"x\\udc00\"}                 | name         | contains an unpaired surrogate (U+DC00)",
            "{\"note\":\"a\\u0000\"}                 | note         | contains a control character (U+0000)",
            "{\"note\":\"a\\u001b\"}                 | note         | contains a control character (U+001B)",
            "{\"items\":[{},{\"label\":\"\\u0001\"}]} | items[1].label | contains a control character (U+0001)",
            "{\"born\":\"\\u00002030-01-07\"}   | born         | contains a control character (U+0000)",
            "{\"start\":\"2030-01-07T10:00:00+01:00\\n\"} | start | contains a control character (U+000A)",
            "{\"id\":\"00000000-0000-4000-8000-000000000001\\u0000\"} | id | contains a control character (U+0000)",
            "{\"kind\":\"FIRST\\u0000\"}      | kind         | contains a control character (U+0000)",
            "{\"count\":99999999999}               | count        | is out of range",
            // no coercion of scalars
            "{\"name\":12}                            | name         | must be a string",
            "{\"name\":true}                          | name         | must be a string",
            "{\"born\":12345}                         | born         | must be a date (YYYY-MM-DD)",
            "{\"born\":\"\"}                          | born         | must be a date (YYYY-MM-DD)",
            "{\"start\":1700000000}                   | start        | must be a date-time with offset (e.g. 2030-01-07T10:00:00+01:00)",
            "{\"start\":1700000000.5}                 | start        | must be a date-time with offset (e.g. 2030-01-07T10:00:00+01:00)",
            "{\"start\":\"\"}                         | start        | must be a date-time with offset (e.g. 2030-01-07T10:00:00+01:00)",
            "{\"id\":\"\"}                            | id           | must be a UUID",
            "{\"id\":5}                               | id           | must be a UUID",
            "{\"flag\":\"true\"}                      | flag         | must be true or false",
            "{\"flag\":1}                             | flag         | must be true or false",
            "{\"count\":\"5\"}                        | count        | must be a whole number",
            "{\"count\":1.5}                          | count        | must be a whole number",
            "{\"kind\":0}                             | kind         | must be one of [FIRST, SECOND]",
            "{\"kind\":\"\"}                          | kind         | must be one of [FIRST, SECOND]",
            "{\"items\":\"\"}                         | items        | must be an array",
            "{\"items\":{}}                           | items        | must be an array",
            "{\"items\":[{\"from\":20000}]}           | items[0].from | must be a date (YYYY-MM-DD)",
            // shape
            "{\"nmae\":\"typo\"}                      | nmae         | is not a field of this request",
            "{\"name\":\"a\"} {\"name\":\"b\"}        | body         | has more content after the JSON value",
            "\"\"                                     | body         | must be an object" })
    void refusedValuesAreNamed(String json, String field, String message) {
        Problem problem = problem(() -> STRICT.readValue(json, Form.class));
        assertEquals("urn:clinic:problem:invalid-request", problem.type());
        assertEquals(List.of(new Problem.FieldError(field, message)), problem.errors());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\",\"name\":\"b\"}                  | name          | is given more than once",
            "{\"items\":[{},{\"from\":null,\"from\":null}]}   | items[1].from | is given more than once",
            "{\"name\":\"a\u0000b\"}                          | name          | contains an unescaped control character" })
    void malformedBodiesAreNamedWhereTheParserStopped(String json, String field, String message) {
        Problem problem = problem(() -> STRICT.readValue(json, Form.class));
        assertEquals("urn:clinic:problem:malformed-json", problem.type());
        assertEquals(List.of(new Problem.FieldError(field, message)), problem.errors());
    }

    @Test
    void aBodyNestedTooDeeplyIsMalformed() {
        Problem problem = problem(() -> STRICT.readValue("[".repeat(1500) + "]".repeat(1500), JsonNode.class));
        assertEquals("urn:clinic:problem:malformed-json", problem.type());
    }

    @Test
    void treesRefuseDuplicateKeysToo() {
        Problem problem = problem(() -> STRICT.readValue("{\"a\":{\"b\":true,\"b\":false}}", JsonNode.class));
        assertEquals(List.of(new Problem.FieldError("a.b", "is given more than once")), problem.errors());
    }

    @Test
    void typesThatAskForToleranceStillIgnoreUnknownFields() throws Exception {
        assertEquals("x", STRICT.readValue("{\"name\":\"x\",\"added\":1}", Tolerant.class).name());
    }

    @Test
    void theBaseMapperIsLeftAsItWas() throws Exception {
        Form form = BASE.readValue("{\"name\":12,\"born\":12345,\"extra\":1}", Form.class);
        assertEquals("12", form.name());
        assertEquals(LocalDate.ofEpochDay(12345), form.born());
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static Problem problem(Read read) {
        Exception e = assertThrows(Exception.class, read::run);
        return JsonProblems.of(assertInstanceOf(JsonProcessingException.class, e));
    }
}
