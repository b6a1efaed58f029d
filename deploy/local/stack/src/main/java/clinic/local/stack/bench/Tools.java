package clinic.local.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the external load tools (pgbench, wrk) and checks they are installed. */
final class Tools {

    private Tools() {
    }

    /** Fails with the Debian package to install when a tool is missing. */
    static void require(String command, String debianPackage) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
        if (which.waitFor() != 0) {
            throw new IOException(command + " is not installed: apt-get install " + debianPackage);
        }
    }

    /** Runs the command to its end and answers what it printed; fails when it fails. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed:\n" + output);
        }
        return output;
    }
}
