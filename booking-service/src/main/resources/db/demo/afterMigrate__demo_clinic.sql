-- DEMO DATA for the local stack and tests only: two practitioners with working hours, two
-- treatment rooms, the three procedures. A Flyway callback, not a versioned migration: it runs after
-- every migrate, so it never holds a place in the schema's version order (as version 1000 it did,
-- and refused every schema migration numbered below it on a database that had recorded it). Inserts
-- nothing unless the placeholder demoClinic is true (false outside the local and test profiles) and
-- the clinic has no practitioner yet, so a clinic's own calendar is never touched.
DO $$
BEGIN
    IF '${demoClinic}' <> 'true' OR EXISTS (SELECT 1 FROM practitioner) THEN
        RETURN;
    END IF;

    INSERT INTO procedure_type (code, name, duration_minutes, buffer_after_minutes, room_type) VALUES
        ('MICRONEEDLING', 'Microneedling', 60, 15, 'TREATMENT_ROOM'),
        ('MICRODERMABRASION', 'Microdermabrasion', 45, 15, 'TREATMENT_ROOM'),
        ('CONSULTATION', 'Consultation', 30, 0, 'TREATMENT_ROOM')
    ON CONFLICT (code) DO NOTHING;

    INSERT INTO room (id, name, room_type) VALUES
        ('00000000-0000-4000-8000-00000000a001', 'Room 1', 'TREATMENT_ROOM'),
        ('00000000-0000-4000-8000-00000000a002', 'Room 2', 'TREATMENT_ROOM')
    ON CONFLICT DO NOTHING;

    INSERT INTO practitioner (id, name) VALUES
        ('00000000-0000-4000-8000-00000000b001', 'Dr Anna Nowak'),
        ('00000000-0000-4000-8000-00000000b002', 'Ewa Kowalska')
    ON CONFLICT DO NOTHING;

    -- Anna: Monday to Friday 09:00-17:00 with a lunch break 13:00-13:30.
    INSERT INTO working_hours (id, practitioner_id, day_of_week, start_time, end_time, kind)
    SELECT gen_random_uuid(), '00000000-0000-4000-8000-00000000b001', d, '09:00', '17:00', 'WORK' FROM generate_series(1, 5) d;
    INSERT INTO working_hours (id, practitioner_id, day_of_week, start_time, end_time, kind)
    SELECT gen_random_uuid(), '00000000-0000-4000-8000-00000000b001', d, '13:00', '13:30', 'BREAK' FROM generate_series(1, 5) d;
    -- Ewa: Tuesday to Saturday 10:00-18:00 with a break 14:00-14:30.
    INSERT INTO working_hours (id, practitioner_id, day_of_week, start_time, end_time, kind)
    SELECT gen_random_uuid(), '00000000-0000-4000-8000-00000000b002', d, '10:00', '18:00', 'WORK' FROM generate_series(2, 6) d;
    INSERT INTO working_hours (id, practitioner_id, day_of_week, start_time, end_time, kind)
    SELECT gen_random_uuid(), '00000000-0000-4000-8000-00000000b002', d, '14:00', '14:30', 'BREAK' FROM generate_series(2, 6) d;
END
$$;
