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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/** Renders a kustomization with the external kustomize program (standalone, or built into kubectl). */
final class Kustomize {

    /** Where the manifests live, relative to the module (Maven runs tests with the module as working directory). */
    static final Path K8S_DIR = Path.of("").toAbsolutePath();

    static final String MISSING = "kustomize not found (neither `kustomize` nor `kubectl` on PATH): "
            + "manifest tests skipped; install kubectl 1.27 or newer (kustomize v5)";

    /** The kustomizations use fields that kustomize v2/v3 (e.g. Debian bookworm's kubectl 1.20) cannot read. */
    static final int OLDEST_MAJOR_VERSION = 5;

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    /** Per command: why it cannot render these files, or "" when it can (asked once per JVM). */
    private static final Map<List<String>, String> VERSION_PROBLEM = new ConcurrentHashMap<>();
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

    /**
     * Skips the calling test when there is nothing to render with, or only a kustomize too old for
     * these kustomizations, saying so once in one plain line.
     */
    static List<String> requireCommand() {
        Optional<List<String>> command = command();
        String problem = command.isEmpty() ? MISSING : VERSION_PROBLEM.computeIfAbsent(command.get(), Kustomize::tooOld);
        if (!problem.isEmpty() && !warned) {
            warned = true;
            System.err.println(problem);
        }
        Assumptions.assumeTrue(problem.isEmpty(), problem);
        return command.get();
    }

    /** Why the kustomize behind {@code command} cannot render these files, or "" when it can. */
    private static String tooOld(List<String> command) {
        List<String> version = command.get(1).equals("build") ? List.of(command.get(0), "version")
                : List.of(command.get(0), "version", "--client");
        String output = capture(version);
        // `kustomize version` prints v5.x.y; kubectl names its built-in kustomize only since 1.24
        Matcher m = Pattern.compile("(?:Kustomize Version: |^)v?(\\d+)\\.", Pattern.MULTILINE).matcher(output);
        int major = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return major >= OLDEST_MAJOR_VERSION ? ""
                : "kustomize of " + command.get(0) + " is too old for these kustomizations (" + output.strip().lines()
                        .findFirst().orElse("no version") + "): manifest tests skipped; install kubectl 1.27 or newer "
                        + "(kustomize v" + OLDEST_MAJOR_VERSION + ")";
    }

    private static String capture(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
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
                // kustomize prints warnings (deprecated fields, ...) on stderr: there must be none
                String warnings = Files.readString(err).strip();
                if (!warnings.isEmpty()) {
                    throw new AssertionError("kustomize warned while rendering " + dir + ":\n" + warnings);
                }
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
