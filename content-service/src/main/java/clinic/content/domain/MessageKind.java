package clinic.content.domain;

/** What an email is about. */
public enum MessageKind {
    /** First calendar invitation (iCalendar METHOD:REQUEST). */
    CONFIRMATION,
    /** A changed appointment: same calendar UID, higher SEQUENCE. */
    UPDATE,
    /** The appointment is off (iCalendar METHOD:CANCEL). */
    CANCELLATION,
    /** One step of the aftercare plan, anchored to the completion time. */
    AFTERCARE,
    /** A change of the appointment's standing with no calendar entry (e.g. on hold until the patient calls). */
    NOTICE
}
