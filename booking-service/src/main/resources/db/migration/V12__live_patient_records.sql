-- A patient's page follows its record: a correction, an erasure or a merge (which deletes the
-- duplicate's row) is announced on the live channel like a calendar change, with the row's id only.
-- Only those columns: the booking path's own updates of the row (its schedule, intake and freed
-- versions) announce nothing, so a booking's commit does not wait on the notification queue for them.
CREATE TRIGGER patient_record_change
    AFTER UPDATE OF first_name, last_name, email, phone, date_of_birth, erased_at OR DELETE ON patient
    FOR EACH ROW EXECUTE FUNCTION notify_calendar_change();
