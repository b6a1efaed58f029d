-- content-service schema: consumed events, what we know of each appointment, outgoing messages and
-- opt-outs. Contact data (first name, email) only; medical data never reaches this database.

-- Every consumed event id, recorded in the same transaction as its effect: a redelivered event
-- finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id       uuid PRIMARY KEY,
    appointment_id uuid        NOT NULL,
    event_type     text        NOT NULL,
    sequence       bigint      NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('APPLIED', 'STALE', 'IGNORED')),
    processed_at   timestamptz NOT NULL
);

-- The latest state of an appointment as the events told it; last_sequence rejects stale events.
CREATE TABLE appointment (
    appointment_id uuid PRIMARY KEY,
    patient_id     uuid        NOT NULL,
    procedure      text        NOT NULL,
    status         text        NOT NULL,
    last_sequence  bigint      NOT NULL,
    start_at       timestamptz NOT NULL,
    end_at         timestamptz NOT NULL,
    completed_at   timestamptz,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT appointment_ends_after_start CHECK (end_at > start_at)
);

-- One row per email, rendered when it is scheduled. (appointment_id, step) is unique: a step is
-- sent at most once, whatever happens to the process or the event stream.
CREATE TABLE outbound_message (
    id              uuid PRIMARY KEY,
    appointment_id  uuid        NOT NULL REFERENCES appointment (appointment_id),
    patient_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('CONFIRMATION', 'UPDATE', 'CANCELLATION', 'AFTERCARE')),
    step            text        NOT NULL,
    essential       boolean     NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body_text       text        NOT NULL,
    body_html       text        NOT NULL,
    calendar        text,
    message_id      text        NOT NULL,
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED_RETRYING', 'FAILED',
                                                           'CANCELLED', 'SKIPPED', 'UNCERTAIN')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT outbound_message_once_per_step UNIQUE (appointment_id, step),
    CONSTRAINT outbound_message_message_id_unique UNIQUE (message_id),
    CONSTRAINT outbound_message_sent_has_time CHECK (status <> 'SENT' OR sent_at IS NOT NULL),
    CONSTRAINT outbound_message_sending_has_claim CHECK (status <> 'SENDING' OR claimed_at IS NOT NULL)
);

-- the dispatcher's claim query
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at)
    WHERE status IN ('PENDING', 'FAILED_RETRYING');
-- the stale-claim sweep
CREATE INDEX outbound_message_sending ON outbound_message (claimed_at) WHERE status = 'SENDING';

-- Patients who asked not to receive non-essential messages (signed link in the email).
CREATE TABLE opt_out (
    patient_id   uuid PRIMARY KEY,
    opted_out_at timestamptz NOT NULL
);
