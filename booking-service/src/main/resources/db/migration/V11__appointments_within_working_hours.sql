-- Whether [from_at, until_at) lies within one of the practitioner's working blocks of that day, in the
-- clinic's zone, and clear of the day's breaks: the rule the slot finder (SlotFinder, WeeklyHours)
-- applies when it offers a time, written here as well so that the database can check it where Java
-- cannot see other transactions: after a booking's or a move's write (BlockedTime), and when an admin
-- changes the hours (CatalogAdmin). Local wall-clock times are compared, so a block that reaches
-- into the hour a clock change skips or repeats is read as the wall clock shows it; clinics do not
-- open at 02:00. PL/pgSQL rather than SQL: PostgreSQL cannot inline a SQL function with sub-selects,
-- and would plan its body again in every statement that calls it (0.4 ms on every booking in the
-- benchmark); PL/pgSQL keeps the plans for the session.
CREATE FUNCTION within_working_hours(practitioner uuid, from_at timestamptz, until_at timestamptz, zone text)
    RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    starts constant timestamp := from_at AT TIME ZONE zone;
    ends constant timestamp := until_at AT TIME ZONE zone;
    local_day constant date := (from_at AT TIME ZONE zone)::date;
BEGIN
    RETURN EXISTS (SELECT 1 FROM working_hours w
                    WHERE w.practitioner_id = practitioner AND w.kind = 'WORK'
                      AND w.day_of_week = extract(isodow FROM local_day)
                      AND starts >= local_day + w.start_time AND ends <= local_day + w.end_time)
       AND NOT EXISTS (SELECT 1 FROM working_hours b
                        WHERE b.practitioner_id = practitioner AND b.kind = 'BREAK'
                          AND b.day_of_week = extract(isodow FROM local_day)
                          AND starts < local_day + b.end_time AND ends > local_day + b.start_time);
END
$$;
