-- booking-service schema: the catalog, patients' contact data, appointments and the outbox.
-- Invariants live here, not only in code: no overlapping active appointments per practitioner or
-- room (exclusion constraints), a confirmed appointment references its screening decision.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE room (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    room_type  text NOT NULL,
    active     boolean NOT NULL DEFAULT true
);

CREATE TABLE procedure_type (
    code                  text PRIMARY KEY CHECK (code IN ('MICRONEEDLING', 'MICRODERMABRASION', 'CONSULTATION')),
    name                  text NOT NULL,
    duration_minutes      int  NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    buffer_after_minutes  int  NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    room_type             text NOT NULL
);

CREATE TABLE practitioner (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    active  boolean NOT NULL DEFAULT true
);

-- Weekly working hours in the clinic's time zone (ISO day of week: 1 = Monday).
CREATE TABLE working_hours (
    id               uuid PRIMARY KEY,
    practitioner_id  uuid NOT NULL REFERENCES practitioner (id) ON DELETE CASCADE,
    day_of_week      int  NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_time       time NOT NULL,
    end_time         time NOT NULL,
    kind             text NOT NULL DEFAULT 'WORK' CHECK (kind IN ('WORK', 'BREAK')),
    CHECK (end_time > start_time)
);
CREATE INDEX working_hours_practitioner ON working_hours (practitioner_id);

CREATE TABLE time_off (
    id               uuid PRIMARY KEY,
    practitioner_id  uuid NOT NULL REFERENCES practitioner (id) ON DELETE CASCADE,
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    reason           text,
    CHECK (end_at > start_at)
);
CREATE INDEX time_off_practitioner ON time_off (practitioner_id, start_at);

CREATE TABLE patient (
    id             uuid PRIMARY KEY,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    email          text NOT NULL,
    phone          text,
    date_of_birth  date NOT NULL,
    created_at     timestamptz NOT NULL,
    -- Bumped by every change to the patient's appointments. A booking reads it before asking
    -- screening and bumps it only if unchanged, so two concurrent bookings for one patient
    -- cannot both pass the interval rules on a stale view.
    schedule_version bigint NOT NULL DEFAULT 0
);
CREATE INDEX patient_name ON patient (lower(last_name), lower(first_name));

CREATE TABLE appointment (
    id                       uuid PRIMARY KEY,
    patient_id               uuid NOT NULL REFERENCES patient (id),
    procedure_code           text NOT NULL REFERENCES procedure_type (code),
    practitioner_id          uuid NOT NULL REFERENCES practitioner (id),
    room_id                  uuid NOT NULL REFERENCES room (id),
    start_at                 timestamptz NOT NULL,
    end_at                   timestamptz NOT NULL,
    -- end plus the procedure's buffer: the time the practitioner and room stay taken
    occupied_until           timestamptz NOT NULL,
    status                   text NOT NULL CHECK (status IN ('PENDING_REVIEW', 'CONFIRMED', 'REJECTED', 'CANCELLED',
                                                             'CHECKED_IN', 'COMPLETED', 'NO_SHOW')),
    -- Only what the front desk may see of screening: the decision id, outcome and reason codes.
    screening_decision_id    uuid,
    screening_outcome        text CHECK (screening_outcome IN ('CLEARED', 'NEEDS_REVIEW', 'BLOCKED', 'NEEDS_INTAKE')),
    screening_reason_codes   text NOT NULL DEFAULT '',
    cancel_reason            text,
    completed_at             timestamptz,
    event_sequence           int  NOT NULL DEFAULT 0,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    version                  bigint NOT NULL DEFAULT 0,
    CHECK (end_at > start_at),
    CHECK (occupied_until >= end_at),
    CONSTRAINT appointment_confirmed_needs_decision CHECK (
        status NOT IN ('PENDING_REVIEW', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED') OR screening_decision_id IS NOT NULL),
    CONSTRAINT appointment_no_practitioner_overlap EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(start_at, occupied_until) WITH &&)
        WHERE (status IN ('PENDING_REVIEW', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')),
    CONSTRAINT appointment_no_room_overlap EXCLUDE USING gist (
        room_id WITH =, tstzrange(start_at, occupied_until) WITH &&)
        WHERE (status IN ('PENDING_REVIEW', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
);
CREATE INDEX appointment_patient ON appointment (patient_id, start_at);
CREATE INDEX appointment_start ON appointment (start_at);

-- Events leave booking only through this table, written in the same transaction as the change.
CREATE TABLE outbox_event (
    id              bigserial PRIMARY KEY,
    event_id        uuid NOT NULL UNIQUE,
    aggregate_id    uuid NOT NULL,
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL,
    published_at    timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (aggregate_id, id) WHERE published_at IS NULL;

-- A retried POST with the same Idempotency-Key gets the first answer and creates nothing new.
CREATE TABLE idempotent_request (
    principal        text NOT NULL,
    idempotency_key  text NOT NULL,
    request_hash     text NOT NULL,
    response_status  int,
    response_body    text,
    response_location text,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
