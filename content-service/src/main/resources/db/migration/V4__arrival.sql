-- When the patient checked in for this appointment at its current time (null before, and again after
-- a move): a patient at the clinic hears of a review or a hold from the staff, not by e-mail.
ALTER TABLE appointment ADD COLUMN arrived_at timestamptz;
