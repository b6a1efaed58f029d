package clinic.screening.policy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The clinician's reasons as people read them: days as "1 Oct 2026" (the way the clinic's screens write
 * them), procedures by name, and how far one day is from another in words.
 */
final class ClinicianText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private ClinicianText() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "Microneedling" for MICRONEEDLING. */
    static String procedure(Procedure procedure) {
        String words = procedure.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * How {@code other} lies from {@code day}, to be followed by what {@code day} is: "the same day as",
     * "1 day before", "3 days after".
     */
    static String apart(LocalDate other, LocalDate day) {
        long days = ChronoUnit.DAYS.between(day, other);
        if (days == 0) {
            return "the same day as";
        }
        return Math.abs(days) + (Math.abs(days) == 1 ? " day " : " days ") + (days < 0 ? "before" : "after");
    }
}
