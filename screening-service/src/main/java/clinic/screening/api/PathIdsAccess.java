package clinic.screening.api;

import java.util.UUID;

/** {@link PathIds} for resources outside this package. */
public final class PathIdsAccess {

    private PathIdsAccess() {
    }

    public static UUID uuid(String value, String name) {
        return PathIds.uuid(value, name);
    }
}
