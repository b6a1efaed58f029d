-- Reliable delivery: at least once with the stable Message-ID, a deadline per message, the order
-- in which an appointment's messages were planned, reminders, and what staff did about failures.

-- The order in which messages were planned: an appointment's messages go out in this order.
ALTER TABLE outbound_message ADD COLUMN seq bigserial;

-- After this instant the message is no longer worth sending (the appointment has started, or the
-- next step of the same plan is due): it is DROPPED instead.
ALTER TABLE outbound_message ADD COLUMN deadline_at timestamptz;
UPDATE outbound_message m SET deadline_at = a.start_at
  FROM appointment a
 WHERE a.appointment_id = m.appointment_id AND m.kind <> 'AFTERCARE';
UPDATE outbound_message SET deadline_at = due_at + interval '1 day' WHERE kind = 'AFTERCARE';
UPDATE outbound_message SET deadline_at = due_at + interval '1 day' WHERE deadline_at IS NULL;
ALTER TABLE outbound_message ALTER COLUMN deadline_at SET NOT NULL;

-- True once an attempt may have reached the patient (accepted, or an outcome we cannot know):
-- decides whether a change must be announced with a calendar update or cancellation.
ALTER TABLE outbound_message ADD COLUMN maybe_delivered boolean NOT NULL DEFAULT false;
UPDATE outbound_message SET maybe_delivered = true WHERE status IN ('SENT', 'SENDING', 'UNCERTAIN');

-- Non-essential messages only: the RFC 8058 one-click address (also in the body).
ALTER TABLE outbound_message ADD COLUMN unsubscribe_url text;

-- REQUEST or CANCEL when the message carries a calendar entry.
ALTER TABLE outbound_message ADD COLUMN calendar_method text
    CHECK (calendar_method IS NULL OR calendar_method IN ('REQUEST', 'CANCEL'));
UPDATE outbound_message SET calendar_method = CASE WHEN kind = 'CANCELLATION' THEN 'CANCEL' ELSE 'REQUEST' END
 WHERE calendar IS NOT NULL;

-- A failure staff closed by hand (for example after phoning the patient): who, when and why.
ALTER TABLE outbound_message ADD COLUMN closed_by text;
ALTER TABLE outbound_message ADD COLUMN closed_at timestamptz;
ALTER TABLE outbound_message ADD COLUMN closed_note text;

ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_kind_check;
ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_kind_check
    CHECK (kind IN ('CONFIRMATION', 'UPDATE', 'CANCELLATION', 'AFTERCARE', 'NOTICE', 'REMINDER'));
ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_status_check;
ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED_RETRYING', 'FAILED', 'CANCELLED', 'SKIPPED',
                      'UNCERTAIN', 'DROPPED', 'CLOSED'));
ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_closed_has_who
    CHECK (status <> 'CLOSED' OR (closed_by IS NOT NULL AND closed_at IS NOT NULL));

-- UNCERTAIN is retried now (same Message-ID), so it is claimable like the other two.
DROP INDEX outbound_message_due;
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at, seq)
    WHERE status IN ('PENDING', 'FAILED_RETRYING', 'UNCERTAIN');
-- "is an earlier message of this appointment still on its way?"
CREATE INDEX outbound_message_unsettled ON outbound_message (appointment_id, seq)
    WHERE status IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN');
-- the deadline sweep
CREATE INDEX outbound_message_deadline ON outbound_message (deadline_at)
    WHERE status IN ('PENDING', 'FAILED_RETRYING', 'UNCERTAIN');
-- what staff must look at
CREATE INDEX outbound_message_attention ON outbound_message (updated_at)
    WHERE status IN ('FAILED', 'DROPPED', 'FAILED_RETRYING', 'UNCERTAIN');

-- Opt-outs and opt-ins as they happened: a patient's choice, or staff acting on the patient's word.
CREATE TABLE opt_out_change (
    id          bigserial PRIMARY KEY,
    patient_id  uuid        NOT NULL,
    change      text        NOT NULL CHECK (change IN ('OPTED_OUT', 'OPTED_IN')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX opt_out_change_patient ON opt_out_change (patient_id, changed_at);
