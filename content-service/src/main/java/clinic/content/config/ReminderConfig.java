package clinic.content.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** When patients are reminded of an appointment: {@code content.reminders.*}. */
@ConfigMapping(prefix = "content.reminders")
public interface ReminderConfig {

    /** The reminder on the day before, at a clinic-set local time. */
    DayBefore dayBefore();

    /** The short reminder a few hours before the start. */
    @WithName("short")
    ShortNotice shortNotice();

    /**
     * A reminder that falls in quiet hours is moved to their end (08:00), but only when that is
     * still at least this long before the start; otherwise it is not planned.
     */
    @WithDefault("PT1H")
    Duration minNotice();

    /** {@code content.reminders.day-before.*}. */
    interface DayBefore {

        @WithDefault("true")
        boolean enabled();

        /** Local time in the clinic's zone on the day before the appointment, e.g. 17:00. */
        @WithDefault("17:00")
        LocalTime at();
    }

    /** {@code content.reminders.short.*}. */
    interface ShortNotice {

        @WithDefault("true")
        boolean enabled();

        /** How long before the start, e.g. PT3H. */
        @WithDefault("PT3H")
        Duration before();
    }
}
