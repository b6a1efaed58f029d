package clinic.screening.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clinic-wide settings: the IANA zone whose calendar days every rule counts. */
@ConfigMapping(prefix = "clinic")
public interface ClinicConfig {

    @WithDefault("Europe/Warsaw")
    ZoneId timeZone();

    /** The clinic's name, as the patient's self-service intake page shows it. */
    @WithDefault("Clinic of Aesthetic Dermatology")
    String name();

    /** The clinic's phone number, which the intake page gives a patient whose link does not work. */
    @WithDefault("+48 22 000 00 00")
    String phone();

    /** Self-service intake links. */
    IntakeLinks intakeLinks();

    /** Limits on the pages that need no sign-in. */
    PublicPages publicPages();

    /** Where changes to decisions' inputs are announced. */
    ScreeningEvents screeningEvents();

    interface IntakeLinks {

        /** HMAC-SHA256 key that signs the links; production must set CLINIC_INTAKE_LINKS_SECRET. */
        String secret();

        /** Where patients reach the public intake page (this service, through the clinic's public address), no trailing slash. */
        String publicUrl();

        /** How long a link works. */
        @WithDefault("P3D")
        java.time.Duration validity();
    }

    interface PublicPages {

        @WithDefault("30")
        int perClientPerMinute();

        @WithDefault("600")
        int allClientsPerMinute();
    }

    interface ScreeningEvents {
        String topic();
    }

    Retention retention();

    /** How long screening keeps what it needs only for a while. */
    interface Retention {
        /**
         * How long the id of an applied patient event is kept to recognise a redelivery; longer than
         * the topic keeps its events.
         */
        @WithDefault("30d")
        java.time.Duration processedEvents();

        @WithDefault("1h")
        java.time.Duration purgeInterval();
    }
}
