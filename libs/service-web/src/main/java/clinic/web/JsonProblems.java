package clinic.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import clinic.web.input.UnsafeTextException;

/**
 * Turns Jackson's refusal of a request body into a 400 problem that names the field by its JSON
 * path (e.g. {@code intervals[2].from}) and says what was expected. The refused value is never
 * echoed: it may be medical data, or the very control character that was refused.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The problem for any refusal of a request body by Jackson. */
    static Problem of(JsonProcessingException e) {
        // an error of the parser met inside a nested value arrives wrapped in a mapping exception
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return malformed(parse);
            }
            if (t instanceof InputCoercionException range) {
                return outOfRange(range);
            }
            if (t instanceof StreamConstraintsException) {
                return Problem.of(400, "malformed-json", "Malformed JSON",
                        "The request body is nested too deeply or holds a value too long to read.");
            }
        }
        if (e instanceof JsonMappingException mapping) {
            return invalid(mapping);
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body could not be read as JSON.");
    }

    private static Problem outOfRange(InputCoercionException e) {
        String field = e.getProcessor() == null ? null : path(e.getProcessor().getParsingContext());
        String message = "is out of range";
        String named = field == null ? "body" : field;
        return Problem.of(400, "invalid-request", "Invalid request", named + ": " + message)
                .withErrors(List.of(new Problem.FieldError(named, message)));
    }

    /** A body that is not JSON at all, or not well-formed: named where the parser stopped, when it was inside a field. */
    static Problem malformed(JsonParseException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String field = e.getProcessor() == null ? null : path(e.getProcessor().getParsingContext());
        // the parser's own message can quote the text it choked on; the location is enough
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        Problem problem = Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + (field == null ? "" : " at " + field) + where + ".");
        if (field == null) {
            return problem;
        }
        String message;
        if (original.startsWith("Duplicate field")) {
            message = "is given more than once";
        } else if (original.contains("CTRL-CHAR")) {
            message = "contains an unescaped control character";
        } else {
            message = "is not valid JSON";
        }
        return problem.withErrors(List.of(new Problem.FieldError(field, message)));
    }

    /** Well-formed JSON whose value does not fit the request: wrong type, unknown field, refused text. */
    static Problem invalid(JsonMappingException e) {
        String field = path(e.getPath());
        String message = message(e);
        if (field.isEmpty()) {
            field = "body";
        }
        return Problem.of(400, "invalid-request", "Invalid request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message)));
    }

    private static String message(JsonMappingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnsafeTextException) {
            return original;
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidNullException) {
            return "is required";
        }
        if (original.startsWith("Trailing token")) {
            return "has more content after the JSON value";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "has the wrong type or shape";
    }

    /** What a value of the type looks like in JSON, for the message. */
    static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalTime.class) {
            return "a time (HH:MM)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time with offset (e.g. 2030-01-07T10:00:00+01:00)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the value the parser was at, or null at the top level. */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(c.getCurrentName());
            } else {
                break;
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
