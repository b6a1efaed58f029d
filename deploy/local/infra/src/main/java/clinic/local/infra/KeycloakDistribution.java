package clinic.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's Quarkus distribution, unpacked and built once per version into the system temporary
 * directory, so that every local Keycloak after the first starts without Keycloak's own build step
 * (which takes a minute or more here). Concurrent preparations race safely through an atomic rename.
 */
final class KeycloakDistribution {

    /** Build-time options of every local Keycloak: an in-memory database (the realm is imported at each start), no cluster. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--cache=local");

    private KeycloakDistribution() {
    }

    /** The prepared distribution's directory (bin, conf, lib, providers, themes). */
    static Path prepared(Path javaHome) throws IOException {
        Path zip = Path.of(resource("clinic-keycloak-dist.path"));
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Keycloak's distribution " + zip + " is missing: build deploy/local/keycloak first");
        }
        String name = zip.getFileName().toString().replaceAll("\\.zip$", "");
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "clinic-" + name);
        if (Files.isRegularFile(target.resolve("lib/quarkus/build-system.properties"))) {
            return target;
        }
        Path staging = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial-" + UUID.randomUUID()));
        try {
            Path unpacked = unpack(zip, staging);
            build(unpacked, javaHome);
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException lostRace) {
                // another process prepared it meanwhile
            }
        } finally {
            PostgresBinaries.deleteTree(staging);
        }
        return target;
    }

    /** Unpacks the zip (one top directory, e.g. keycloak-26.7.3) and answers that directory. */
    private static Path unpack(Path zip, Path dir) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (top == null) {
                    top = dir.resolve(dir.relativize(out).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        if (top == null) {
            throw new IOException(zip + " is empty");
        }
        return top;
    }

    private static void build(Path keycloak, Path javaHome) throws IOException {
        Path log = keycloak.resolve("build.log");
        List<String> command = new java.util.ArrayList<>(List.of("env", "JAVA_HOME=" + javaHome,
                keycloak.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!build.waitFor(15, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                List<String> lines = Files.readAllLines(log);
                throw new IOException("building Keycloak failed; " + log + " ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building Keycloak", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KeycloakDistribution.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the classpath: build deploy/local/keycloak first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
