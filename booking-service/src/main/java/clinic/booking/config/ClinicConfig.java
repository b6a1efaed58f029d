package clinic.booking.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The clinic's own settings: its time zone, how far availability may reach, and how re-screens are retried. */
@ConfigMapping(prefix = "clinic")
public interface ClinicConfig {

    /** IANA zone in which every day-based rule and every displayed time is reckoned. */
    ZoneId timeZone();

    /** How the screens write and read dates: dd, MM and yyyy in the clinic's order with one separator. */
    @WithDefault("dd.MM.yyyy")
    String dateFormat();

    Availability availability();

    Rescreen rescreen();

    AppointmentEvents appointmentEvents();

    /** Corrections, merges and erasures of patient records, for screening and content. */
    PatientEvents patientEvents();

    Retention retention();

    /** Booking's own account at screening, for re-screens no person's request waits for (local stack and tests). */
    ServiceAccount serviceAccount();

    interface AppointmentEvents {
        String topic();
    }

    /** How long booking keeps what it needs only for a while. */
    interface Retention {
        /**
         * How long a POST's stored answer is replayed for a retry with the same Idempotency-Key; the
         * key may be used for another request after that. Answers may name patients, so not forever.
         */
        @WithDefault("24h")
        Duration idempotencyKeys();

        /** How often expired idempotency records are looked for. */
        @WithDefault("1h")
        Duration purgeInterval();
    }

    interface PatientEvents {
        String topic();
    }

    interface ServiceAccount {
        Optional<String> user();

        Optional<String> password();
    }

    interface Availability {
        @WithDefault("62")
        int maxDays();

        /** Distance between candidate start times within working hours. */
        @WithDefault("15m")
        Duration slotStep();
    }

    interface Rescreen {
        /** Longest wait between two looks for appointments owed a re-screen when nothing wakes the worker. */
        @WithDefault("5s")
        Duration pollInterval();

        /** Most appointments one look takes. */
        @WithDefault("50")
        int batchSize();

        /** How long an appointment taken by one worker is left alone by the others (a crashed worker's expire). */
        @WithDefault("60s")
        Duration lease();

        /** The longest wait before trying again after screening could not answer (doubling from one second). */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
