-- A decision rests on the patient's other appointments too (the intervals between procedures). When
-- one of them is cancelled, not attended, rejected or moved (or otherwise changed by a person), an
-- appointment held because of it may pass now, so it is owed a new decision. patient.freed_version
-- counts those changes; each decision records the count it was made with. Other statuses are not owed
-- one: such a change cannot make a confirmed or checked-in appointment fail, and one waiting for review
-- stays waiting for a clinician whatever it changes (only a clinician confirms what a clinician was
-- asked to review). A new booking or move is screened against the others in both directions itself.
ALTER TABLE patient ADD COLUMN freed_version bigint NOT NULL DEFAULT 0;
ALTER TABLE appointment ADD COLUMN decision_freed_version bigint NOT NULL DEFAULT 0;

DROP FUNCTION appointment_rescreen_due(text, int, int, int, int);

CREATE FUNCTION appointment_rescreen_due(a_status text, a_intake_version int, a_policy_version int,
                                         a_freed_version bigint, newest_intake_version int,
                                         newest_policy_version int, newest_freed_version bigint)
    RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT a_status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN')
       AND (a_intake_version < newest_intake_version OR a_policy_version < newest_policy_version
            OR (a_status = 'ON_HOLD' AND a_freed_version < newest_freed_version))
$$;
