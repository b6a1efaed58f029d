package clinic.local.stack.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.StackSettings;

/**
 * One clinic for all browser test classes of a run (starting the whole stack takes minutes on a
 * busy machine): started by the first class that needs it, stopped when the test JVM ends. Set
 * -Dclinic.ui.baseUrl=http://... to drive an already running clinic instead.
 */
final class UiClinic {

    private static ClinicStack stack;
    private static String baseUrl;

    private UiClinic() {
    }

    static synchronized String baseUrl() throws IOException {
        if (baseUrl == null) {
            baseUrl = System.getProperty("clinic.ui.baseUrl", "");
            if (baseUrl.isBlank()) {
                Path home = Path.of(System.getProperty("clinic.home", "../../.."));
                Path dataDir = Files.createTempDirectory("clinic-ui");
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
                stack = ClinicStack.start(StackSettings.onFreePorts(home, dataDir));
                baseUrl = stack.settings().bookingUrl();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    // a throw-away clinic: its database, broker and logs go with it
                    try (Stream<Path> files = Files.walk(dataDir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (IOException ignored) {
                        // left in the temporary directory
                    }
                }, "clinic-ui-stop"));
            }
        }
        return baseUrl;
    }

    /** The stack the tests started, or null when they drive a clinic that runs elsewhere. */
    static ClinicStack stack() {
        return stack;
    }
}
