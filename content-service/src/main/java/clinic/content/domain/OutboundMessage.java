package clinic.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** One email to one patient for one step of one appointment, rendered when it was scheduled. */
@Entity
@Table(name = "outbound_message")
// A message changes status several times on its way (claimed, sent or failed) but its content hardly
// ever: updates name only the changed columns, so the bodies and the calendar are not sent to the
// database and stored again (out of line, as they are large) with each change of status.
@DynamicUpdate
public class OutboundMessage {

    @Id
    public UUID id;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    /** Unique per appointment: CONFIRMATION, UPDATE-&lt;sequence&gt;, CANCELLATION, AFTERCARE-24H, ... */
    @Column(nullable = false)
    public String step;

    /** Sent even when the patient opted out (see {@link clinic.content.service.MessagePlanner}). */
    @Column(nullable = false)
    public boolean essential;

    /** Null once the patient was erased. */
    public String recipient;

    /** Subject and bodies: null once purged after sending (retention) or the patient was erased. */
    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    /** iCalendar object, when the message carries one (sent as an inline text/calendar part). */
    public String calendar;

    /** REQUEST or CANCEL when {@link #calendar} is set: the part's iTIP method. */
    @Column(name = "calendar_method")
    public String calendarMethod;

    /** The RFC 8058 one-click opt-out address of a non-essential message; null for essential ones. */
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    /** Our own stable Message-ID header, derived from appointment and step. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** Not worth sending after this: the message is DROPPED (and recorded) instead. */
    @Column(name = "deadline_at", nullable = false)
    public Instant deadlineAt;

    /** Planning order (database sequence); an appointment's messages go out in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Once an attempt may have reached the patient (accepted, or an outcome we cannot know). */
    @Column(name = "maybe_delivered", nullable = false)
    public boolean maybeDelivered;

    /** Who closed the failure by hand (staff user name), when and why. */
    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_note")
    public String closedNote;

    /** Exception class and SMTP reply code of the last failure: never the message content. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
