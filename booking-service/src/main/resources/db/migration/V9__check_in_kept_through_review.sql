-- When the patient was checked in. A re-screen may take a checked-in appointment to PENDING_REVIEW or
-- ON_HOLD (a new intake, a new policy); once a clinician approves it, or screening clears it again,
-- the patient is still in the waiting room, so it returns to CHECKED_IN rather than CONFIRMED.
-- Cleared when the appointment moves to another time.
ALTER TABLE appointment ADD COLUMN checked_in_at timestamptz;
UPDATE appointment SET checked_in_at = updated_at WHERE status = 'CHECKED_IN';
ALTER TABLE appointment ADD CONSTRAINT appointment_checked_in_has_time
    CHECK (status <> 'CHECKED_IN' OR checked_in_at IS NOT NULL);
