-- Deletions and run records of the sync. Valid on H2 2.x and PostgreSQL 15: plain types only, no
-- CHECK constraints (H2 2.4.240, h2database/h2database#4302).

-- The run that last read the account from its directory; accounts of a library that a complete
-- run did not see are missing: status SUSPENDED, missing_since set, purged after the grace period.
alter table reader_account add column last_seen_run uuid;
alter table reader_account add column last_seen_at timestamp with time zone;
alter table reader_account add column missing_since timestamp with time zone;

create index ix_reader_account_library_missing on reader_account (library_code, missing_since);

create table sync_run (
    id               uuid                     not null primary key,
    library_code     varchar(64)              not null,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone not null,
    read_count       integer                  not null,
    created_count    integer                  not null,
    updated_count    integer                  not null,
    unchanged_count  integer                  not null,
    missing_count    integer                  not null,
    suspended_count  integer                  not null,
    restored_count   integer                  not null,
    purged_count     integer                  not null,
    failed_count     integer                  not null,
    -- why suspensions were held back (BrakeReason name), null when none were
    brake_reason     varchar(32),
    -- the braked run whose deletions an admin confirmed with this run, null for an ordinary run
    confirms_run     uuid,
    error            varchar(2000)
);

create index ix_sync_run_library_started on sync_run (library_code, started_at);

-- "dn: reason" of the entries a run skipped (the first 100)
create table sync_run_failure (
    run_id  uuid          not null,
    item_no integer       not null,
    failure varchar(2048) not null,
    constraint pk_sync_run_failure primary key (run_id, item_no),
    constraint fk_sync_run_failure_run foreign key (run_id) references sync_run (id) on delete cascade
);
