-- Notices: messages about an appointment's status that carry no calendar entry (for example, that
-- it is on hold until the patient talks to the clinic).
ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_kind_check;
ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_kind_check
    CHECK (kind IN ('CONFIRMATION', 'UPDATE', 'CANCELLATION', 'AFTERCARE', 'NOTICE'));
