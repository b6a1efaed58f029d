package clinic.screening.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clinic-wide settings: the IANA zone whose calendar days every rule counts. */
@ConfigMapping(prefix = "clinic")
public interface ClinicConfig {

    @WithDefault("Europe/Warsaw")
    ZoneId timeZone();

    /** Where changes to decisions' inputs are announced. */
    ScreeningEvents screeningEvents();

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
