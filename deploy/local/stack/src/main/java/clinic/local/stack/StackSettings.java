package clinic.local.stack;

import java.nio.file.Path;

import clinic.local.infra.FreePort;

/**
 * Where the local stack keeps its data, which ports it uses and who signs users in. The run command
 * uses the fixed ports the README documents; the end-to-end tests take free ones so they never collide.
 */
public record StackSettings(Path home, Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int smtpPort, int imapPort, int bookingPort, int screeningPort, int contentPort, int bookingManagementPort,
        int screeningManagementPort, int contentManagementPort, int keycloakPort, Identity identity) {

    /** Who signs users in: the demo users (HTTP Basic) or a local Keycloak with the same users. */
    public enum Identity {
        DEMO_USERS, KEYCLOAK;

        /** From CLINIC_IDENTITY: unset means the demo users, {@code keycloak} a local Keycloak. */
        static Identity fromEnvironment() {
            String value = System.getenv("CLINIC_IDENTITY");
            if (value == null || value.isBlank()) {
                return DEMO_USERS;
            }
            if (value.trim().equalsIgnoreCase("keycloak")) {
                return KEYCLOAK;
            }
            throw new IllegalArgumentException("CLINIC_IDENTITY=" + value + " is not known; leave it unset or set it to keycloak");
        }
    }

    /** The documented ports, data under deploy/local/.data (or CLINIC_DATA_DIR), identity from CLINIC_IDENTITY. */
    public static StackSettings standard(Path home) {
        String dataDir = System.getenv("CLINIC_DATA_DIR");
        return new StackSettings(home, dataDir == null || dataDir.isBlank() ? home.resolve("deploy/local/.data") : Path.of(dataDir),
                55432, 9092, 9093, 3025, 3143, 8080, 8081, 8082, 9080, 9081, 9082, 8180, Identity.fromEnvironment());
    }

    /** Free ports for a throw-away stack with the demo users. */
    public static StackSettings onFreePorts(Path home, Path dataDir) {
        return new StackSettings(home, dataDir, FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(),
                FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(),
                FreePort.find(), FreePort.find(), Identity.DEMO_USERS);
    }

    /** The same stack signing users in through a local Keycloak. */
    public StackSettings withIdentity(Identity newIdentity) {
        return new StackSettings(home, dataDir, postgresPort, kafkaPort, kafkaControllerPort, smtpPort, imapPort, bookingPort,
                screeningPort, contentPort, bookingManagementPort, screeningManagementPort, contentManagementPort, keycloakPort,
                newIdentity);
    }

    public String bookingUrl() {
        return "http://localhost:" + bookingPort;
    }

    /** Keycloak's realm as browsers and services both address it (one host name, so tokens' issuer matches). */
    public String keycloakRealmUrl() {
        return "http://localhost:" + keycloakPort + "/realms/clinic";
    }
}
