package clinic.booking.domain;

/** The procedures a clinic can book. Dermabrasion (surgical resurfacing) is deliberately absent. */
public enum ProcedureCode {
    MICRONEEDLING, MICRODERMABRASION, CONSULTATION
}
