package clinic.local.stack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** The intake the tests' patients give unless a test says otherwise, in the shape booking takes it. */
public final class IntakeAnswers {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");

    private IntakeAnswers() {
    }

    /** Every answer "no", completed today in the clinic. */
    public static Map<String, Object> clean() {
        return Map.of("isotretinoin", "NEVER", "bloodThinners", false, "keloidOrHypertrophicScarring", false,
                "activeInfectionOrInflammation", false, "activeAcne", false, "autoimmuneCondition", false,
                "completedOn", LocalDate.now(CLINIC_ZONE).toString());
    }
}
