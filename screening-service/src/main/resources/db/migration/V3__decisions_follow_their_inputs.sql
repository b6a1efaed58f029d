-- Decisions follow their inputs: every change to what a decision rests on (an intake version, a
-- policy version) is announced through this outbox in the change's own transaction, so booking
-- screens the affected appointments again. The intake's isotretinoin answer tells never from
-- unknown, and records whether a clinician recorded the intake.

CREATE TABLE outbox_event (
    id            bigserial PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    aggregate_id  uuid        NOT NULL,
    event_type    text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (aggregate_id, id) WHERE published_at IS NULL;

-- Intake rows are immutable; this schema change is the one sanctioned rewrite: the trigger is
-- suspended inside this migration's transaction only. The old "not taking now" without a date
-- could mean never or recently, so it becomes NOT_RECORDED, which needs a clinician.
ALTER TABLE intake DISABLE TRIGGER intake_immutable;
ALTER TABLE intake ADD COLUMN isotretinoin text;
UPDATE intake SET isotretinoin = CASE WHEN taking_isotretinoin THEN 'TAKING_NOW'
                                      WHEN isotretinoin_last_dose IS NOT NULL THEN 'STOPPED'
                                      ELSE 'NOT_RECORDED' END;
ALTER TABLE intake ALTER COLUMN isotretinoin SET NOT NULL;
ALTER TABLE intake ADD CONSTRAINT intake_isotretinoin_answer
    CHECK (isotretinoin IN ('NEVER', 'TAKING_NOW', 'STOPPED', 'STOPPED_DATE_UNKNOWN', 'NOT_RECORDED'));
ALTER TABLE intake ADD CONSTRAINT intake_stopped_has_last_dose
    CHECK (isotretinoin <> 'STOPPED' OR isotretinoin_last_dose IS NOT NULL);
ALTER TABLE intake DROP COLUMN taking_isotretinoin;
ALTER TABLE intake ADD COLUMN recorded_by_clinician boolean NOT NULL DEFAULT false;
ALTER TABLE intake ENABLE TRIGGER intake_immutable;
