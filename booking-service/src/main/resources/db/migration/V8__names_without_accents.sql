-- Names compared without their accents: "Wisniewska" and "Wiśniewska", "Wojcik" and "Wójcik" are one
-- name at the front desk, both for registration's check for a patient on file already (a second
-- record would hide the patient's treatment history from screening's interval rules) and for the
-- patient search. unaccent is a trusted contrib extension (PostgreSQL 13 and later), so the database's
-- owner may create it, as with btree_gist.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The check for a patient on file starts from the date of birth; names are compared unaccented, so no
-- name index serves it.
CREATE INDEX patient_date_of_birth ON patient (date_of_birth) WHERE erased_at IS NULL;
