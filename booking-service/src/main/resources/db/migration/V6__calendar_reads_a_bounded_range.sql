-- No appointment holds its practitioner and room for longer than the longest procedure the catalog
-- allows (480 minutes plus a 240-minute buffer, procedure_type's checks). Said once here, as a
-- function the check and the calendar's read both use: the read then asks for appointments that
-- start at most this long before the period, a bounded range of the start_at index, instead of
-- every appointment that started before the period's end (all of the clinic's history).
CREATE FUNCTION appointment_longest_occupancy() RETURNS interval LANGUAGE sql IMMUTABLE AS $$
    SELECT interval '720 minutes'
$$;

ALTER TABLE appointment ADD CONSTRAINT appointment_occupancy_within_longest
    CHECK (occupied_until <= start_at + appointment_longest_occupancy());
