-- RFC 4533 content synchronization. Valid on H2 2.x and PostgreSQL 15: plain types only, no CHECK
-- constraints (H2 2.4.240, h2database/h2database#4302).

-- Per library: the directory's cookie up to which every change has been written. A full run stores
-- the cookie it took before reading; content-sync runs and the persist stream move it on after each
-- write. Base64 of the directory's opaque bytes (OpenLDAP: "rid=…,csn=…").
create table sync_cookie (
    library_code varchar(64)              not null primary key,
    cookie       varchar(4096)            not null,
    -- the run that stored it
    run_id       uuid                     not null,
    updated_at   timestamp with time zone not null
);
