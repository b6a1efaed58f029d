-- Self-service intake links: the front desk has a signed, expiring link e-mailed to the patient,
-- who answers the questionnaire on a public page. The link itself carries only the invitation's id,
-- its expiry and a signature over those, the patient's id and its purpose; this row makes it
-- single-use (used_at) and lets a newer link replace an older one (replaced_at).
CREATE TABLE intake_invitation (
    id              uuid PRIMARY KEY,
    patient_id      uuid        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    intake_version  integer,
    replaced_at     timestamptz,
    CONSTRAINT intake_invitation_expires_later CHECK (expires_at > created_at),
    CONSTRAINT intake_invitation_used_has_version CHECK ((used_at IS NULL) = (intake_version IS NULL)),
    CONSTRAINT intake_invitation_used_or_replaced CHECK (used_at IS NULL OR replaced_at IS NULL)
);
CREATE INDEX intake_invitation_patient ON intake_invitation (patient_id, created_at DESC);
