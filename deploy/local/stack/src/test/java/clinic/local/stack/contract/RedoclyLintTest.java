package clinic.local.stack.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI documents pass Redocly's recommended rules (redocly.yaml at the
 * repository's root) with no error. Needs npx (Node.js); .ci/run installs it, elsewhere the test
 * says so in one line and is skipped.
 */
class RedoclyLintTest {

    /** Pinned: a new release may add rules; move it on purpose. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theDocumentsPassTheRecommendedRules() throws Exception {
        assumeTrue(onPath("npx"), "npx not found: the OpenAPI lint (Redocly) is skipped; install nodejs and npm to run it");
        Path home = ContractClinic.home();
        List<String> command = new ArrayList<>(List.of("npx", "--yes", REDOCLY, "lint", "--config", "redocly.yaml"));
        for (String service : ContractClinic.SERVICES) {
            command.add("docs/openapi/" + service + ".yaml");
        }
        Path log = Files.createTempFile("redocly", ".log");
        Process lint = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println(output.lines().filter(l -> l.contains("rror") || l.contains("arning") || l.contains("valid"))
                .reduce((a, b) -> a + "\n" + b).orElse(output));
        assertEquals(0, lint.exitValue(), "Redocly found errors in docs/openapi:\n" + output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
