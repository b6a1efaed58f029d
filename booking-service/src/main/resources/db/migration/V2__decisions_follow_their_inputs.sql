-- A confirmed or pending appointment always rests on a current decision: one made for its present
-- time, the patient's present intake version and the present policy version. Booking records what
-- each decision rests on, learns of newer intake and policy versions (screening's events, or the
-- answers screening gives), and screens again whatever has fallen behind. The database refuses a
-- CONFIRMED appointment unless its decision cleared it or a clinician approved that decision.

-- The outbox now carries events for more than one topic.
ALTER TABLE outbox_event ADD COLUMN topic text;
UPDATE outbox_event SET topic = 'clinic.appointments.v1';
ALTER TABLE outbox_event ALTER COLUMN topic SET NOT NULL;

-- The newest intake version screening has told us of (0: none yet). Only ever raised.
ALTER TABLE patient ADD COLUMN intake_version int NOT NULL DEFAULT 0;

-- The newest safety policy version screening has told us of. One row; only ever raised.
CREATE TABLE screening_policy (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   int     NOT NULL CHECK (version > 0)
);
INSERT INTO screening_policy (singleton, version) VALUES (true, 1);

ALTER TABLE appointment
    -- what the current decision rests on; 0 for appointments booked before this migration, so that
    -- every one of them is screened again under these rules
    ADD COLUMN decision_intake_version int NOT NULL DEFAULT 0,
    ADD COLUMN decision_policy_version int NOT NULL DEFAULT 0,
    ADD COLUMN screened_start timestamptz,
    -- a clinician's verdict on the current decision (NEEDS_REVIEW only)
    ADD COLUMN review_verdict text CHECK (review_verdict IN ('APPROVE', 'DENY')),
    -- why an appointment screening no longer clears waits ON_HOLD (front-desk-safe code)
    ADD COLUMN hold_reason text,
    -- the re-screen worker's lease and back-off (real time, set by the database)
    ADD COLUMN rescreen_not_before timestamptz,
    ADD COLUMN rescreen_attempts int NOT NULL DEFAULT 0;
UPDATE appointment SET screened_start = start_at;
UPDATE appointment SET review_verdict = 'APPROVE'
 WHERE status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED') AND screening_outcome = 'NEEDS_REVIEW';
UPDATE appointment SET review_verdict = 'DENY' WHERE status = 'REJECTED' AND screening_outcome = 'NEEDS_REVIEW';

-- Booking keeps front-desk categories, never rule ids.
ALTER TABLE appointment RENAME COLUMN screening_reason_codes TO screening_categories;
UPDATE appointment SET screening_categories = coalesce((
    SELECT string_agg(DISTINCT CASE
               WHEN code LIKE 'INTERVAL_%' THEN 'PROCEDURE_INTERVAL'
               WHEN code IN ('ISOTRETINOIN', 'BLOOD_THINNERS') THEN 'MEDICATION_HISTORY'
               WHEN code = 'KELOID_HISTORY' THEN 'SCARRING_HISTORY'
               WHEN code IN ('ACTIVE_INFECTION', 'ACTIVE_ACNE') THEN 'SKIN_CONDITION'
               WHEN code = 'INTAKE_MISSING_OR_STALE' THEN 'INTAKE_NEEDED'
               ELSE 'MEDICAL_HISTORY' END, ',')
      FROM unnest(string_to_array(screening_categories, ',')) AS code WHERE code <> ''), '');

ALTER TABLE appointment
    DROP CONSTRAINT appointment_status_check,
    DROP CONSTRAINT appointment_confirmed_needs_decision,
    DROP CONSTRAINT appointment_no_practitioner_overlap,
    DROP CONSTRAINT appointment_no_room_overlap;

-- Written with IS [NOT] DISTINCT FROM so that a missing value can never satisfy a check by being NULL.
ALTER TABLE appointment
    ADD CONSTRAINT appointment_status_check CHECK (status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'REJECTED',
                                                              'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')),
    ADD CONSTRAINT appointment_screened_has_decision CHECK (
        status NOT IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN', 'COMPLETED')
        OR (screening_decision_id IS NOT NULL AND screening_outcome IS NOT NULL)),
    ADD CONSTRAINT appointment_confirmed_is_cleared_or_approved CHECK (
        status NOT IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')
        OR screening_outcome IS NOT DISTINCT FROM 'CLEARED'
        OR (screening_outcome IS NOT DISTINCT FROM 'NEEDS_REVIEW' AND review_verdict IS NOT DISTINCT FROM 'APPROVE')),
    ADD CONSTRAINT appointment_pending_awaits_review CHECK (
        status <> 'PENDING_REVIEW'
        OR (screening_outcome IS NOT DISTINCT FROM 'NEEDS_REVIEW' AND review_verdict IS NULL)),
    ADD CONSTRAINT appointment_on_hold_is_not_cleared CHECK (
        status <> 'ON_HOLD'
        OR ((screening_outcome IS NOT DISTINCT FROM 'BLOCKED' OR screening_outcome IS NOT DISTINCT FROM 'NEEDS_INTAKE')
            AND hold_reason IS NOT NULL)),
    ADD CONSTRAINT appointment_verdict_judges_a_review CHECK (
        review_verdict IS NULL OR screening_outcome IS NOT DISTINCT FROM 'NEEDS_REVIEW'),
    ADD CONSTRAINT appointment_decision_made_for_its_time CHECK (
        status NOT IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN') OR screened_start IS NOT DISTINCT FROM start_at),
    ADD CONSTRAINT appointment_no_practitioner_overlap EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(start_at, occupied_until) WITH &&)
        WHERE (status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN', 'COMPLETED')),
    ADD CONSTRAINT appointment_no_room_overlap EXCLUDE USING gist (
        room_id WITH =, tstzrange(start_at, occupied_until) WITH &&)
        WHERE (status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN', 'COMPLETED'));

-- The one definition of "a re-screen is owed": an appointment still to happen (pending, confirmed,
-- on hold, or the patient checked in) whose decision predates the patient's newest intake or the
-- newest policy. Read for every answer about an appointment and by the re-screen worker.
CREATE FUNCTION appointment_rescreen_due(a_status text, a_patient uuid, a_intake_version int, a_policy_version int)
    RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT a_status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN')
       AND (a_intake_version < (SELECT p.intake_version FROM patient p WHERE p.id = a_patient)
            OR a_policy_version < (SELECT s.version FROM screening_policy s))
$$;
