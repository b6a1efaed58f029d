-- Whether time off of the appointment's practitioner covers its time (AppointmentPractitionerAway,
-- until AppointmentPractitionerBack or a move): like a closed day, no reminder or confirmation asks
-- the patient to come then.
ALTER TABLE appointment ADD COLUMN practitioner_away boolean NOT NULL DEFAULT false;
