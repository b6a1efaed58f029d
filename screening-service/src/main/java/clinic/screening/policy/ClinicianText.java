package clinic.screening.policy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days in the clinician's reasons as people read them ("1 Oct 2026"), the way the clinic's screens write them. */
final class ClinicianText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private ClinicianText() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }
}
