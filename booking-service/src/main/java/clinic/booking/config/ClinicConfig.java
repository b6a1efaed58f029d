package clinic.booking.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The clinic's own settings: its time zone and how far availability may reach. */
@ConfigMapping(prefix = "clinic")
public interface ClinicConfig {

    /** IANA zone in which every day-based rule and every displayed time is reckoned. */
    ZoneId timeZone();

    Availability availability();

    Outbox outbox();

    interface Availability {
        @WithDefault("62")
        int maxDays();

        /** Distance between candidate start times within working hours. */
        @WithDefault("15m")
        Duration slotStep();
    }

    interface Outbox {
        String topic();

        @WithDefault("100")
        int batchSize();

        /** How often the relay looks for unpublished events (read by its @Scheduled expression). */
        @WithDefault("250ms")
        Duration pollInterval();
    }
}
