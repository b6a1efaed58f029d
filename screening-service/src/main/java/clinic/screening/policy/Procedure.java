package clinic.screening.policy;

/** What can be booked. Dermabrasion (surgical resurfacing) is deliberately absent: it is never bookable. */
public enum Procedure {
    MICRONEEDLING,
    MICRODERMABRASION,
    /** An assessment without a procedure: no contraindications, no intervals, no intake needed. */
    CONSULTATION;

    /** Whether the safety rules (contraindications, intake, intervals) concern this procedure at all. */
    public boolean isTreatment() {
        return this != CONSULTATION;
    }
}
