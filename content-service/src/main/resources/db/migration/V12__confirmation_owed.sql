-- The appointment was confirmed while its day was closed: the confirmation waits until the clinic
-- opens the day again (or the appointment moves, which confirms it at its new time).
ALTER TABLE appointment ADD COLUMN confirmation_owed boolean NOT NULL DEFAULT false;
