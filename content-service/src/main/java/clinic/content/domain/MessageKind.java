package clinic.content.domain;

/** What an email is about. */
public enum MessageKind {
    /** First calendar invitation (iCalendar METHOD:REQUEST). */
    CONFIRMATION,
    /** A changed appointment: same calendar UID, higher SEQUENCE (moved, into review, on hold, confirmed again). */
    UPDATE,
    /** The appointment is off, cancelled or denied (iCalendar METHOD:CANCEL when the patient may hold the entry). */
    CANCELLATION,
    /** One step of the aftercare plan, anchored to the completion time. */
    AFTERCARE,
    /**
     * A change of the appointment's standing with no calendar entry: reserved pending review; on hold or to
     * be confirmed again when the patient holds no entry.
     */
    NOTICE,
    /** A reminder before the appointment, with the procedure's pre-visit notes. */
    REMINDER
}
