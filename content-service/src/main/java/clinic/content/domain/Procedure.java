package clinic.content.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The procedures the clinic books, with the name patients read and the notes they get before a visit. */
public enum Procedure {

    MICRONEEDLING("Microneedling", List.of(
            "A numbing cream is applied to your skin 20 to 30 minutes before the treatment, so please arrive on time.",
            "During the treatment you may feel a prickling sensation; pinpoint bleeding is normal and expected.",
            "Expect redness afterwards, like a moderate sunburn, usually for 24 to 72 hours. Plan not to wear makeup for 24 to 72 hours after the treatment.")),

    MICRODERMABRASION("Microdermabrasion", List.of(
            "This is a gentle exfoliation of the skin's surface; numbing cream is usually not needed. You may feel mild suction and a light scratching sensation (with oxybrasion, a cool stream).",
            "Afterwards your skin may look slightly pink, like a mild windburn, and feel smoother. The pinkness usually fades within a few hours, and most people return to their routine the same day.")),

    CONSULTATION("Consultation", List.of(
            "This is an assessment with a practitioner; no treatment is performed at this visit.",
            "Bring your questions about your goals: the practitioner will discuss which treatment, if any, suits your skin."));

    private final String displayName;
    private final List<String> preVisitNotes;

    Procedure(String displayName, List<String> preVisitNotes) {
        this.displayName = displayName;
        this.preVisitNotes = preVisitNotes;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> preVisitNotes() {
        return preVisitNotes;
    }

    /** The procedure named by a code in any letter case, if we know it. */
    public static Optional<Procedure> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Procedure p : values()) {
            if (p.name().equals(code.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
