-- Readers (persons, the SSO subjects) and their accounts in the libraries' directories.
-- Valid on H2 2.x and PostgreSQL 15: plain types only.

create table reader (
    id         uuid                     not null primary key,
    created_at timestamp with time zone not null
);

create table reader_account (
    id               uuid                     not null primary key,
    library_code     varchar(64)              not null,
    -- stable id of the entry in its directory: entryUUID, objectGUID (canonical UUID string), …
    directory_id     varchar(128)             not null,
    dn               varchar(1024)            not null,
    card_number      varchar(64)              not null,
    display_name     varchar(256)             not null,
    reader_type      varchar(64)              not null,
    -- ACTIVE or SUSPENDED (no CHECK constraint: H2 2.4.240 fails string-comparing CHECKs once the
    -- creating connection is closed, h2database/h2database#4302)
    status           varchar(16)              not null,
    expires_on       date,
    -- HMAC-SHA256 (hex) of the GB 11643 resident ID number; the number itself is never stored
    resident_id_hmac varchar(64),
    phone            varchar(64),
    email            varchar(320),
    reader_id        uuid                     not null,
    synced_at        timestamp with time zone not null,
    constraint fk_reader_account_reader foreign key (reader_id) references reader (id),
    constraint uq_reader_account_directory unique (library_code, directory_id)
);

create index ix_reader_account_card_number on reader_account (card_number);
create index ix_reader_account_resident_id_hmac on reader_account (resident_id_hmac);
create index ix_reader_account_reader_id on reader_account (reader_id);
