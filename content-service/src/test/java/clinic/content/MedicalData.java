package clinic.content;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

/** Words that would mean medical data (intake answers, screening detail) leaked into an email. */
public final class MedicalData {

    public static final List<String> MARKERS = List.of("isotretinoin", "keloid", "hypertrophic", "autoimmune",
            "blood-thinning", "anticoagulant", "infection in", "active acne", "pregnan", "intake", "screening",
            "questionnaire", "diagnos", "contraindicat", "needs_review", "blocked");

    private MedicalData() {
    }

    public static void assertAbsent(Inbox.Received mail) {
        String all = mail.everything().toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            assertFalse(all.contains(marker), "email must not mention '" + marker + "': " + mail.subject());
        }
    }
}
