-- Patient records merged and erased, as booking-service (the owner of patient identity) announces
-- on clinic.patients.v1. The audit stays immutable; the one thing that may now be deleted is an
-- erased patient's intake version that no decision rests on, and the database decides that.

-- Every consumed patient event id, recorded in the same transaction as its effect.
CREATE TABLE processed_event (
    event_id      uuid PRIMARY KEY,
    event_type    text        NOT NULL,
    processed_at  timestamptz NOT NULL
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- A duplicate record merged into the right one. The duplicate's intakes and decisions stay under its
-- own id (they are audit records); its newest intake, if newer than the survivor's, is copied to the
-- survivor as the survivor's next version.
CREATE TABLE patient_merge (
    duplicate_id  uuid PRIMARY KEY,
    survivor_id   uuid        NOT NULL,
    merged_at     timestamptz NOT NULL,
    CONSTRAINT patient_merge_not_itself CHECK (duplicate_id <> survivor_id)
);
CREATE INDEX patient_merge_survivor ON patient_merge (survivor_id);

-- Patients erased on request: no new intake or screening is taken for them.
CREATE TABLE erased_patient (
    patient_id  uuid PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);

-- Where a copied intake version came from (a merge). Adding nullable columns changes no row.
ALTER TABLE intake ADD COLUMN copied_from_patient uuid;
ALTER TABLE intake ADD COLUMN copied_from_version int;
ALTER TABLE intake ADD CONSTRAINT intake_copy_names_its_source
    CHECK ((copied_from_patient IS NULL) = (copied_from_version IS NULL));

-- Intake rows stay immutable, except that an erased patient's version on which no decision rests
-- may be deleted: it is medical data that no audit needs. A version a decision rests on stays with
-- that decision (see README: what erasure keeps and why).
CREATE FUNCTION intake_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND EXISTS (SELECT 1 FROM erased_patient e WHERE e.patient_id = OLD.patient_id)
       AND NOT EXISTS (SELECT 1 FROM screening_decision d
                        WHERE d.patient_id = OLD.patient_id AND d.intake_version = OLD.version) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'rows of % are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER intake_immutable ON intake;
CREATE TRIGGER intake_immutable BEFORE UPDATE OR DELETE ON intake
    FOR EACH ROW EXECUTE FUNCTION intake_guard();

-- Retention: published outbox rows are purged by age.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
