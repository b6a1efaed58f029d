package clinic.local.stack.ui;

import java.io.IOException;
import java.nio.file.Path;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.ScratchDirectory;
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
                ScratchDirectory dataDir = ScratchDirectory.create("clinic-ui");
                stack = ClinicStack.start(StackSettings.onFreePorts(home, dataDir.path()));
                baseUrl = stack.settings().bookingUrl();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    // a throw-away clinic: its database, broker and logs go with it
                    dataDir.close();
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
