-- Patient records a clinic can correct, merge and erase.

-- Bumped by every correction of the contact data; carried by every event that carries contact data,
-- so a consumer keeps the newest whichever topic it heard it from first.
ALTER TABLE patient ADD COLUMN contact_version int NOT NULL DEFAULT 1 CHECK (contact_version > 0);

-- An erased patient keeps its row (and id) because appointments kept for the clinic's records refer
-- to it, but nothing that identifies the person: the database refuses an erased row with any contact
-- data left, and a live row without its required data.
ALTER TABLE patient
    ALTER COLUMN first_name DROP NOT NULL,
    ALTER COLUMN last_name DROP NOT NULL,
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN date_of_birth DROP NOT NULL,
    ADD COLUMN erased_at timestamptz,
    ADD COLUMN erased_by text,
    ADD CONSTRAINT patient_erased_holds_no_contact CHECK (
        (erased_at IS NULL AND erased_by IS NULL
            AND first_name IS NOT NULL AND last_name IS NOT NULL AND email IS NOT NULL AND date_of_birth IS NOT NULL)
        OR (erased_at IS NOT NULL AND erased_by IS NOT NULL
            AND first_name IS NULL AND last_name IS NULL AND email IS NULL AND phone IS NULL AND date_of_birth IS NULL));

-- A duplicate record merged into the right one. The duplicate's patient row is deleted (its
-- appointments now belong to the survivor); this row says where it went and who decided, and until
-- screening-service has merged the duplicate's intakes (screening_merged_at) the survivor's
-- appointments wait for their re-screen, so none is screened on half of the patient's history.
CREATE TABLE patient_merge (
    duplicate_id         uuid PRIMARY KEY,
    survivor_id          uuid        NOT NULL REFERENCES patient (id),
    merged_by            text        NOT NULL,
    merged_at            timestamptz NOT NULL,
    screening_merged_at  timestamptz,
    CONSTRAINT patient_merge_not_itself CHECK (duplicate_id <> survivor_id)
);
CREATE INDEX patient_merge_survivor ON patient_merge (survivor_id);
CREATE INDEX patient_merge_awaiting_screening ON patient_merge (survivor_id) WHERE screening_merged_at IS NULL;

-- A merge marks the survivor's upcoming appointments owed a re-screen by setting their decision's
-- intake version to -1 ("made for another record"), lower than any version a patient can have.
-- The worker leaves them until screening has merged the intakes; everything else is unchanged.
CREATE FUNCTION patient_awaits_screening_merge(a_patient uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM patient_merge m WHERE m.survivor_id = a_patient AND m.screening_merged_at IS NULL)
$$;

-- Retention: published outbox rows and idempotency records are purged by age.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
