package clinic.booking.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import clinic.booking.domain.ProcedureCode;
import clinic.web.ProblemException;

/**
 * Parses query parameters with answers that name the parameter. Done by hand because the
 * framework's own conversion failure answers a bare 404 or 400 that does not say which one was wrong.
 */
final class QueryParams {

    private QueryParams() {
    }

    static LocalDate requiredDate(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required (YYYY-MM-DD)");
        }
        return optionalDate(name, value);
    }

    static LocalDate optionalDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "\"" + value + "\" is not a date (YYYY-MM-DD)");
        }
    }

    static UUID optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "\"" + value + "\" is not an id");
        }
    }

    static ProcedureCode requiredProcedure(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required (one of MICRONEEDLING, MICRODERMABRASION, CONSULTATION)");
        }
        try {
            return ProcedureCode.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "\"" + value + "\" is not a procedure (one of MICRONEEDLING, MICRODERMABRASION, CONSULTATION)");
        }
    }
}
