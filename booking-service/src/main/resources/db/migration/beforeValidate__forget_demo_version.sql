-- Until 2026-12-01 the demo clinic's data was a versioned migration, version 1000, recorded on every
-- database (as a no-op outside the local stack and tests). Flyway then refused each schema migration
-- numbered below it ("resolved migration not applied to database: 7") and booking-service did not
-- start after an upgrade. The demo data is now an afterMigrate callback (db/demo); this forgets that
-- one recorded row, and nothing else, before Flyway validates the history. A no-op on every later
-- start and on a new database (no history table yet).
DO $$
BEGIN
    IF to_regclass('"${flyway:defaultSchema}"."${flyway:table}"') IS NOT NULL THEN
        DELETE FROM "${flyway:defaultSchema}"."${flyway:table}"
        WHERE version = '1000' AND description = 'demo clinic';
    END IF;
END
$$;
