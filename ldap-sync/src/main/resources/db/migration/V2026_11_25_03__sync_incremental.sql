-- Incremental sync. Valid on H2 2.x and PostgreSQL 15: plain types only, no CHECK constraints
-- (H2 2.4.240, h2database/h2database#4302).

-- What a run read: FULL (every entry; suspends and purges) or INCREMENTAL (changes since the mark).
-- Runs recorded before this migration were full runs.
alter table sync_run add column kind varchar(16) default 'FULL' not null;

-- The latest change timestamp (the directory's clock) of the entries the run read, null when none
alter table sync_run add column high_water_mark timestamp with time zone;

create index ix_sync_run_library_kind_started on sync_run (library_code, kind, started_at);

-- Per library: the latest change timestamp read by a complete run. An incremental run reads the
-- entries changed at or after this mark less the run's duration and the overlap. Moved forward only.
create table sync_high_water_mark (
    library_code    varchar(64)              not null primary key,
    high_water_mark timestamp with time zone not null,
    -- how long the run that read the mark took (an entry changed during it may be older than the mark)
    run_duration_ms bigint                   not null,
    -- the run that last moved the mark
    run_id          uuid                     not null,
    updated_at      timestamp with time zone not null
);
