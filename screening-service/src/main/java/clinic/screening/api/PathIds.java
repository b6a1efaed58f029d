package clinic.screening.api;

import java.util.UUID;

import clinic.web.ProblemException;

/** Path ids are read by hand so a malformed one is a 400 naming the parameter, not a bare 404. */
final class PathIds {

    private PathIds() {
    }

    static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
