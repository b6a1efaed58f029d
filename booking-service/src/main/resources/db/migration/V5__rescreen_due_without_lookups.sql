-- "A re-screen is owed", as before, but with the patient's newest intake version and the newest
-- policy version passed in by the caller (who joins patient and screening_policy) instead of looked
-- up inside the function. Without sub-selects PostgreSQL inlines the function into each query, so
-- counting or claiming the debt over every upcoming appointment is one join, not a function call
-- with two lookups per row (about 150 ms for 40,000 upcoming appointments, every few seconds).
DROP FUNCTION appointment_rescreen_due(text, uuid, int, int);

CREATE FUNCTION appointment_rescreen_due(a_status text, a_intake_version int, a_policy_version int,
                                         newest_intake_version int, newest_policy_version int)
    RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT a_status IN ('PENDING_REVIEW', 'CONFIRMED', 'ON_HOLD', 'CHECKED_IN')
       AND (a_intake_version < newest_intake_version OR a_policy_version < newest_policy_version)
$$;
