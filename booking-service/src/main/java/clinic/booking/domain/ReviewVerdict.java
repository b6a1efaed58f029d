package clinic.booking.domain;

/** A clinician's verdict on a decision that needed review: APPROVE confirms the appointment, DENY rejects it. */
public enum ReviewVerdict { APPROVE, DENY }
