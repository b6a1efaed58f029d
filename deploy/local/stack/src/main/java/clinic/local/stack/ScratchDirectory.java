package clinic.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * A throw-away directory for a stack started on free ports (the benchmark, the start-up measurement,
 * the OpenAPI export), removed with everything in it when closed: a stack's PostgreSQL cluster and
 * Kafka log take hundreds of megabytes. Readable by all, because PostgreSQL runs as an unprivileged
 * user when this runs as root.
 */
public final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String prefix) throws IOException {
        Path path = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ScratchDirectory(path);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + path, e);
        }
    }
}
