-- screening-service schema: intake answers, safety policy versions, screening decisions and reviews.
-- Every table here is an audit record: rows are written once and never changed or deleted
-- (enforced below by triggers, not only by the code).

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

-- One row per intake questionnaire version; a new PUT adds a version, history is kept.
CREATE TABLE intake (
    id                               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id                       uuid        NOT NULL,
    version                          int         NOT NULL CHECK (version > 0),
    taking_isotretinoin              boolean     NOT NULL,
    isotretinoin_last_dose           date,
    blood_thinners                   boolean     NOT NULL,
    keloid_or_hypertrophic_scarring  boolean     NOT NULL,
    active_infection_or_inflammation boolean     NOT NULL,
    active_acne                      boolean     NOT NULL,
    autoimmune_condition             boolean     NOT NULL,
    completed_on                     date        NOT NULL,
    recorded_by                      text        NOT NULL,
    recorded_at                      timestamptz NOT NULL,
    CONSTRAINT intake_version_unique UNIQUE (patient_id, version),
    CONSTRAINT intake_last_dose_not_after_completion
        CHECK (isotretinoin_last_dose IS NULL OR isotretinoin_last_dose <= completed_on)
);

-- The safety policy as data: one JSON document per version; the highest version is active.
CREATE TABLE policy_version (
    version     int PRIMARY KEY CHECK (version > 0),
    document    jsonb       NOT NULL,
    change_note text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE screening_decision (
    id                      uuid PRIMARY KEY,
    patient_id              uuid        NOT NULL,
    appointment_id          uuid,
    procedure               text        NOT NULL
        CHECK (procedure IN ('MICRONEEDLING', 'MICRODERMABRASION', 'CONSULTATION')),
    requested_start         timestamptz NOT NULL,
    outcome                 text        NOT NULL
        CHECK (outcome IN ('CLEARED', 'NEEDS_REVIEW', 'BLOCKED', 'NEEDS_INTAKE')),
    reasons                 jsonb       NOT NULL,
    earliest_eligible_start timestamptz,
    policy_version          int         NOT NULL REFERENCES policy_version (version),
    intake_version          int,
    inputs                  jsonb       NOT NULL,
    decided_by              text        NOT NULL,
    decided_at              timestamptz NOT NULL
);
CREATE INDEX screening_decision_patient ON screening_decision (patient_id, decided_at DESC);
CREATE INDEX screening_decision_needs_review ON screening_decision (decided_at) WHERE outcome = 'NEEDS_REVIEW';
CREATE INDEX screening_decision_appointment ON screening_decision (appointment_id, decided_at DESC)
    WHERE appointment_id IS NOT NULL;

-- At most one review per decision: the primary key makes "reviewed once" a database fact.
CREATE TABLE screening_review (
    decision_id uuid PRIMARY KEY REFERENCES screening_decision (id),
    decision    text        NOT NULL CHECK (decision IN ('APPROVE', 'DENY')),
    reason      text        NOT NULL CHECK (length(btrim(reason)) > 0),
    reviewed_by text        NOT NULL,
    reviewed_at timestamptz NOT NULL
);

CREATE TRIGGER intake_immutable BEFORE UPDATE OR DELETE ON intake
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER policy_version_immutable BEFORE UPDATE OR DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER screening_decision_immutable BEFORE UPDATE OR DELETE ON screening_decision
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER screening_review_immutable BEFORE UPDATE OR DELETE ON screening_review
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
