-- Patient records: corrections, merges and erasures announced by booking-service (topic
-- clinic.patients.v1), and retention of what is needed only for a while.

-- What this service knows of a patient record beyond its messages: the newest contact data heard
-- (from either topic: the highest contact version wins, so a correction is never undone by an older
-- appointment event that arrives after it), where a merged duplicate went, and that the patient was
-- erased (later events about the id change nothing). An erased or merged record holds no contact data.
CREATE TABLE patient_record (
    patient_id      uuid PRIMARY KEY,
    first_name      text,
    email           text,
    contact_version integer     NOT NULL CHECK (contact_version >= 0),
    merged_into     uuid,
    erased_at       timestamptz,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT patient_record_contact_whole CHECK ((first_name IS NULL) = (email IS NULL)),
    CONSTRAINT patient_record_gone_holds_no_contact CHECK (
        (erased_at IS NULL AND merged_into IS NULL) OR first_name IS NULL),
    CONSTRAINT patient_record_not_merged_into_itself CHECK (merged_into IS NULL OR merged_into <> patient_id)
);
CREATE INDEX patient_record_merged_into ON patient_record (merged_into) WHERE merged_into IS NOT NULL;

-- Every consumed patient event id, recorded in the same transaction as its effect.
CREATE TABLE processed_patient_event (
    event_id     uuid PRIMARY KEY,
    patient_id   uuid        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL
);

-- Retention of consumed event ids (both topics) is by age.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX processed_patient_event_processed_at ON processed_patient_event (processed_at);

-- A message's content is kept while it may still be sent. A sent message's subject, bodies and
-- calendar entry are purged after the retention period (body_purged_at); the delivery record (kind,
-- step, status, times, recipient) stays. An erased patient's messages keep only the delivery record
-- without the recipient (erased_at); nothing of theirs may still be on its way.
ALTER TABLE outbound_message
    ALTER COLUMN recipient DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN body_text DROP NOT NULL,
    ALTER COLUMN body_html DROP NOT NULL,
    ADD COLUMN body_purged_at timestamptz,
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT outbound_message_content_whole CHECK (
        (subject IS NULL) = (body_text IS NULL) AND (subject IS NULL) = (body_html IS NULL)
        AND (subject IS NOT NULL OR calendar IS NULL)),
    ADD CONSTRAINT outbound_message_content_only_gone_when_purged CHECK (
        subject IS NOT NULL OR body_purged_at IS NOT NULL OR erased_at IS NOT NULL),
    ADD CONSTRAINT outbound_message_recipient_only_gone_when_erased CHECK (recipient IS NOT NULL OR erased_at IS NOT NULL),
    ADD CONSTRAINT outbound_message_unsent_has_content CHECK (
        status NOT IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN') OR (subject IS NOT NULL AND recipient IS NOT NULL));
CREATE INDEX outbound_message_body_kept ON outbound_message (sent_at) WHERE body_purged_at IS NULL AND status = 'SENT';
CREATE INDEX outbound_message_patient ON outbound_message (patient_id);

-- Intake link e-mails: an erased patient's are cancelled if not yet sent and keep no contact data.
ALTER TABLE intake_invitation_mail
    ALTER COLUMN recipient DROP NOT NULL,
    ALTER COLUMN first_name DROP NOT NULL,
    ADD COLUMN erased_at timestamptz,
    DROP CONSTRAINT intake_invitation_mail_status_check,
    ADD CONSTRAINT intake_invitation_mail_status_check
        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED_RETRYING', 'FAILED', 'UNCERTAIN', 'CANCELLED')),
    DROP CONSTRAINT intake_invitation_mail_link_while_due,
    ADD CONSTRAINT intake_invitation_mail_link_while_due
        CHECK (status IN ('SENT', 'FAILED', 'UNCERTAIN', 'CANCELLED') OR link IS NOT NULL),
    ADD CONSTRAINT intake_invitation_mail_contact_only_gone_when_erased CHECK (
        erased_at IS NOT NULL OR (recipient IS NOT NULL AND first_name IS NOT NULL)),
    ADD CONSTRAINT intake_invitation_mail_erased_holds_nothing CHECK (
        erased_at IS NULL OR (recipient IS NULL AND first_name IS NULL AND link IS NULL AND last_error IS NULL));
