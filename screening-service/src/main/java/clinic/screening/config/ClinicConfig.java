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
}
