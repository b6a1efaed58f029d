-- E-mails that carry a patient's self-service intake link (made by screening-service, asked for by
-- the front desk through booking). One per invitation. The link is a credential: it is kept only
-- until the e-mail has gone out or failed for good, then cleared.
CREATE TABLE intake_invitation_mail (
    invitation_id   uuid PRIMARY KEY,
    patient_id      uuid        NOT NULL,
    recipient       text        NOT NULL,
    first_name      text        NOT NULL,
    link            text,
    expires_at      timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED_RETRYING', 'FAILED', 'UNCERTAIN')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT intake_invitation_mail_link_while_due CHECK (status IN ('SENT', 'FAILED', 'UNCERTAIN') OR link IS NOT NULL)
);
CREATE INDEX intake_invitation_mail_due ON intake_invitation_mail (next_attempt_at) WHERE status IN ('PENDING', 'FAILED_RETRYING');
CREATE INDEX intake_invitation_mail_patient ON intake_invitation_mail (patient_id, created_at);
