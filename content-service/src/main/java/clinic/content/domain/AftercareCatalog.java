package clinic.content.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aftercare plans and their words, taken only from the clinic's reference
 * (CLINICAL-RULES.md "Aftercare content" and the patient guide it cites). Nothing here claims an
 * outcome the evidence does not support. Kept in code, not a table: a content change is reviewed
 * like a code change.
 */
public final class AftercareCatalog {

    /** The references content may cite, by key. */
    public static final Map<String, String> REFERENCES;

    static {
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put("JARZABEK-PERZ-2023", "Jarząbek-Perz S. et al. Split-face evaluation: gluconolactone plus oxybrasion versus gluconolactone plus microneedling. Skin Res Technol 2023;29(6):e13353. doi:10.1111/srt.13353");
        refs.put("LATIFALTOJAR-2025", "Latifaltojar R. et al. Keloid formation and any skin complications in patients treated with isotretinoin and undergone any skin-related procedures. J Cosmet Dermatol 2025;24(2):e16680. doi:10.1111/jocd.16680");
        refs.put("TIJANI-2023", "Tijani A.O. et al. Transdermal delivery of naloxone hydrochloride using minimally invasive physical ablation techniques. Int J Pharm 2023;642:123159. doi:10.1016/j.ijpharm.2023.123159");
        REFERENCES = Map.copyOf(refs);
    }

    /** Every aftercare message carries these (LATIFALTOJAR-2025: vigilance for unusual healing). */
    public static final List<String> RED_FLAGS = List.of(
            "Pain that gets worse after 48 hours instead of improving.",
            "Redness that spreads outward from the treated area instead of fading.",
            "Warmth, pus or other signs of infection.",
            "Abnormal scarring or raised tissue developing where you were treated.");

    public static final String RED_FLAGS_REFERENCE = "LATIFALTOJAR-2025";

    private static final List<String> MICRONEEDLING_ADVICE = List.of(
            "Do not wear makeup for 24 to 72 hours: the micro-channels in your skin are still partially open.",
            "Use only gentle, recovery-focused skin care products.",
            "Avoid retinoids, AHAs and vitamin C until your skin barrier has recovered.",
            "Protect your skin from the sun.");

    private static final List<String> MICRONEEDLING_LATER_ADVICE = List.of(
            "Keep to gentle, recovery-focused skin care products: what you apply still matters while the deeper barrier recovers.",
            "Avoid retinoids, AHAs and vitamin C until your skin barrier has recovered; ask the clinic if you are unsure.",
            "Protect your skin from the sun.");

    private static final List<String> MICRODERMABRASION_ADVICE = List.of(
            "Use a basic moisturizer.",
            "Protect your skin from the sun diligently.",
            "Light makeup is usually fine relatively soon after the treatment.");

    private static final Map<Procedure, List<AftercareStep>> PLANS = Map.of(
            Procedure.MICRONEEDLING, List.of(
                    new AftercareStep("AFTERCARE-0H", Duration.ZERO, Period.ZERO, true, "Right after your treatment",
                            List.of("Redness like a moderate sunburn.",
                                    "Your skin feels warm and tight.",
                                    "Pinpoint bleeding spots may still be visible; this is expected after microneedling."),
                            MICRONEEDLING_ADVICE, List.of("TIJANI-2023", RED_FLAGS_REFERENCE)),
                    new AftercareStep("AFTERCARE-24H", Duration.ofHours(24), Period.ZERO, false, "One day after your treatment",
                            List.of("Redness persists.",
                                    "Mild swelling is possible, particularly around the eyes and cheeks.",
                                    "Your skin feels sensitive to touch; even lukewarm water may sting slightly. This is normal at this stage."),
                            MICRONEEDLING_ADVICE, List.of("TIJANI-2023", RED_FLAGS_REFERENCE)),
                    new AftercareStep("AFTERCARE-48H", Duration.ofHours(48), Period.ZERO, false, "Two days after your treatment",
                            List.of("Redness begins to fade noticeably.",
                                    "Your skin may feel dry, slightly rough or textured. This is your skin barrier recovering, not a complication."),
                            MICRONEEDLING_ADVICE, List.of("TIJANI-2023", RED_FLAGS_REFERENCE)),
                    new AftercareStep("AFTERCARE-72H", Duration.ofHours(72), Period.ZERO, false, "Three days after your treatment",
                            List.of("Most visible redness has gone for many people.",
                                    "Mild peeling or flaking may begin.",
                                    "Your skin is still recovering beneath the surface, even when it starts to look normal."),
                            MICRONEEDLING_ADVICE, List.of("TIJANI-2023", RED_FLAGS_REFERENCE)),
                    new AftercareStep("AFTERCARE-7D", Duration.ZERO, Period.ofDays(7), false, "One week after your treatment",
                            List.of("The surface of your skin looks largely normal for most people.",
                                    "The deeper skin barrier is still recovering, so what you apply to your skin still matters."),
                            MICRONEEDLING_LATER_ADVICE, List.of("TIJANI-2023", RED_FLAGS_REFERENCE))),
            Procedure.MICRODERMABRASION, List.of(
                    new AftercareStep("AFTERCARE-0H", Duration.ZERO, Period.ZERO, true, "Right after your treatment",
                            List.of("Mild pinkness, like a light windburn.",
                                    "Your skin feels noticeably smoother.",
                                    "The pinkness usually fades within a few hours."),
                            MICRODERMABRASION_ADVICE, List.of("JARZABEK-PERZ-2023", RED_FLAGS_REFERENCE)),
                    new AftercareStep("AFTERCARE-24H", Duration.ofHours(24), Period.ZERO, false, "One day after your treatment",
                            List.of("For most people the skin looks and feels normal by now."),
                            MICRODERMABRASION_ADVICE, List.of("JARZABEK-PERZ-2023", RED_FLAGS_REFERENCE))),
            Procedure.CONSULTATION, List.of());

    private AftercareCatalog() {
    }

    public static List<AftercareStep> plan(Procedure procedure) {
        return PLANS.get(procedure);
    }

    /**
     * One step of a plan. Its offset is hours (exact elapsed time) plus calendar days in the clinic
     * zone (the one-week step keeps the local time of day across a daylight-saving change).
     * {@code essential}: the at-completion message goes out even to patients who opted out,
     * because it is the first to carry the red flags; later steps are reminders and respect opt-out.
     */
    public record AftercareStep(String step, Duration hours, Period days, boolean essential, String title,
            List<String> whatIsNormal, List<String> advice, List<String> references) {

        /** When the step falls due for a procedure completed at {@code completedAt}, before night deferral. */
        public Instant dueAfter(Instant completedAt, ZoneId zone) {
            return completedAt.plus(hours).atZone(zone).plus(days).toInstant();
        }

        /** ISO-8601 offset for print and API, e.g. PT24H or P7D. */
        public String offset() {
            return days.isZero() ? hours.toString() : days.toString();
        }
    }
}
