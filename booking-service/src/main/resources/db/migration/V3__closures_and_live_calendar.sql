-- Clinic closures and holidays: whole clinic-local days on which the clinic offers nothing. The
-- days are what the admin chose; start_at and end_at are those days as instants in the clinic's
-- zone (computed when stored), so the calendar read can treat a closure like any other busy time.
CREATE TABLE clinic_closure (
    id          uuid PRIMARY KEY,
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    start_at    timestamptz NOT NULL,
    end_at      timestamptz NOT NULL,
    reason      text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT clinic_closure_days CHECK (last_day >= first_day),
    CONSTRAINT clinic_closure_period CHECK (end_at > start_at)
);
CREATE INDEX clinic_closure_start ON clinic_closure (start_at, end_at);

-- The front desk's screens update themselves: every committed change to what a calendar shows is
-- announced on the channel calendar_changed (PostgreSQL delivers a NOTIFY only when its
-- transaction commits, and to every replica listening), whichever code or process made it.
CREATE FUNCTION notify_calendar_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD.id;
    ELSE
        changed := NEW.id;
    END IF;
    PERFORM pg_notify('calendar_changed', json_build_object('table', TG_TABLE_NAME, 'id', changed)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER appointment_calendar_change AFTER INSERT OR UPDATE OR DELETE ON appointment
    FOR EACH ROW EXECUTE FUNCTION notify_calendar_change();
CREATE TRIGGER time_off_calendar_change AFTER INSERT OR UPDATE OR DELETE ON time_off
    FOR EACH ROW EXECUTE FUNCTION notify_calendar_change();
CREATE TRIGGER clinic_closure_calendar_change AFTER INSERT OR UPDATE OR DELETE ON clinic_closure
    FOR EACH ROW EXECUTE FUNCTION notify_calendar_change();

-- the patient search compares phone numbers by their digits
CREATE INDEX patient_email ON patient (lower(email));
