package clinic.local.stack;

import java.nio.file.Path;

import clinic.local.infra.FreePort;

/**
 * Where the local stack keeps its data and which ports it uses. The run command uses the fixed
 * ports the README documents; the end-to-end test takes free ones so it never collides.
 */
public record StackSettings(Path home, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int smtpPort, int imapPort, int bookingPort, int screeningPort, int contentPort) {

    /** The documented ports, data under deploy/local/.data (or CLINIC_DATA_DIR). */
    public static StackSettings standard(Path home) {
        String dataDir = System.getenv("CLINIC_DATA_DIR");
        return new StackSettings(home, dataDir == null || dataDir.isBlank() ? home.resolve("deploy/local/.data") : Path.of(dataDir),
                55432, 9092, 9093, 3025, 3143, 8080, 8081, 8082);
    }

    /** Free ports for a throw-away stack. */
    public static StackSettings onFreePorts(Path home, Path dataDir) {
        return new StackSettings(home, dataDir, FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(),
                FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find());
    }

    public String bookingUrl() {
        return "http://localhost:" + bookingPort;
    }
}
