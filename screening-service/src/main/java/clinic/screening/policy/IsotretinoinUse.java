package clinic.screening.policy;

/**
 * The intake's answer about isotretinoin. Only NEVER says the drug plays no part; every other
 * answer is read against the washout window, and an answer that leaves the last dose unknown
 * needs a clinician: unknown is never treated as never.
 */
public enum IsotretinoinUse {
    NEVER,
    TAKING_NOW,
    /** Stopped, with the date of the last dose. */
    STOPPED,
    STOPPED_DATE_UNKNOWN,
    /**
     * Intakes recorded before the questionnaire asked the four-way question stored only "not taking
     * now", which cannot tell never from stopped recently. Never accepted as a new answer.
     */
    NOT_RECORDED
}
