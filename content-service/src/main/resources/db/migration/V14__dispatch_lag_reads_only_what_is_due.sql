-- clinic_dispatch_lag_seconds (DispatchLag, every 5 s) asks for the oldest message of each kind that is
-- due and not yet sent. No index served that question, so every refresh read the whole table: the
-- reminders and aftercare planned days and weeks ahead, and every message already sent. In the
-- benchmark's run that took 30-90 ms of PostgreSQL's CPU every 5 s (12 ms on an idle machine with
-- 36,000 messages, 0.04 ms with this index), and several bursts of slow bookings in the open model
-- came at those moments. Only messages not yet sent are in the index.
CREATE INDEX outbound_message_waiting ON outbound_message (due_at)
    WHERE status IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN');
