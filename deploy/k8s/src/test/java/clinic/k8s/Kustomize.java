package clinic.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Renders a kustomization with the external kustomize program (standalone, or built into kubectl). */
final class Kustomize {

    /** Where the manifests live, relative to the module (Maven runs tests with the module as working directory). */
    static final Path K8S_DIR = Path.of("").toAbsolutePath();

    static final String MISSING = "kustomize not found (neither `kustomize` nor `kubectl` on PATH): "
            + "manifest tests skipped; on Debian install the package kubernetes-client";

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static volatile boolean warned;

    private Kustomize() {
    }

    /** The command that renders a directory, or empty when this machine has no kustomize. */
    static Optional<List<String>> command() {
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return Optional.of(List.of(kustomize.get().toString(), "build"));
        }
        return onPath("kubectl").map(kubectl -> List.of(kubectl.toString(), "kustomize"));
    }

    /** Skips the calling test when there is nothing to render with, saying so once in one plain line. */
    static List<String> requireCommand() {
        Optional<List<String>> command = command();
        if (command.isEmpty() && !warned) {
            warned = true;
            System.err.println(MISSING);
        }
        Assumptions.assumeTrue(command.isPresent(), MISSING);
        return command.get();
    }

    /** The rendered multi-document YAML of {@code dir} (relative to deploy/k8s), rendered once per JVM. */
    static String render(String dir) {
        List<String> command = requireCommand();
        return RENDERED.computeIfAbsent(dir, d -> run(command, K8S_DIR.resolve(d)));
    }

    private static String run(List<String> command, Path dir) {
        List<String> full = new ArrayList<>(command);
        full.add(dir.toString());
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(full).redirectError(err.toFile()).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kustomize did not finish within 60 s: " + full);
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kustomize failed (" + process.exitValue() + "): " + full + "\n"
                            + Files.readString(err));
                }
                // newer kustomize prints deprecation notes for the v2-compatible fields on stderr: ignored
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + full, e);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
