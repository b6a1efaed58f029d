package clinic.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The local Keycloak's realm {@code clinic}: the three demo users with their realm roles, the
 * front desk's confidential client (code flow with PKCE, redirects only to this stack's booking)
 * and a command-line client that gets tokens with a user's password, for trying the API.
 */
final class ClinicRealm {

    static final String NAME = "clinic";
    static final String BOOKING_CLIENT_ID = "booking-service";
    /** Local realm only; a clinic's provider issues its own secret (deploy/README.md). */
    static final String BOOKING_CLIENT_SECRET = "local-only-booking-service-secret";
    static final String CLI_CLIENT_ID = "clinic-cli";

    private ClinicRealm() {
    }

    /** The realm as Keycloak imports it, for a booking-service reached at {@code bookingUrl}. */
    static String json(String bookingUrl) throws IOException {
        try (InputStream in = ClinicRealm.class.getResourceAsStream("/clinic-realm.json")) {
            if (in == null) {
                throw new IOException("clinic-realm.json is missing from the stack's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@BOOKING_URL@", bookingUrl)
                    .replace("@BOOKING_CLIENT_SECRET@", BOOKING_CLIENT_SECRET);
        }
    }
}
