-- Whether the clinic has closed the day the appointment is booked on (AppointmentDayClosed, until
-- AppointmentDayReopened or a move): no reminder asks the patient to come on such a day.
ALTER TABLE appointment ADD COLUMN day_closed boolean NOT NULL DEFAULT false;
