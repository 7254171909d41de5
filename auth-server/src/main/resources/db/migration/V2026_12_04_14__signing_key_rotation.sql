-- Signing key rotation (issue 10): one key per algorithm signs at a time; its successor is
-- published before it signs, and a key stays published until every token it signed has expired.
-- Valid on H2 2.4 and PostgreSQL 15.
--
--   serial        1, 2, 3 ... per algorithm. Unique with the algorithm: every change of an
--                 algorithm's keys inserts its next serial, so of two nodes rotating at once one
--                 insert fails and that node only reloads what the other wrote.
--   activates_at  from when the key signs (until a key with a later activates_at takes over)
--   retires_at    from when the key is no longer published; null while no successor is planned.
--                 At retirement its sealed private part is erased (set null).
alter table signing_key add column serial integer;
alter table signing_key add column activates_at timestamp with time zone;
alter table signing_key add column retires_at timestamp with time zone;

-- Keys generated before rotation: numbered by age within their algorithm, signing since created.
update signing_key k set serial = (select count(*) from signing_key o where o.algorithm = k.algorithm
    and (o.created_at < k.created_at or (o.created_at = k.created_at and o.kid <= k.kid)));
update signing_key set activates_at = created_at, retires_at = retired_at;

alter table signing_key alter column serial set not null;
alter table signing_key alter column activates_at set not null;
alter table signing_key alter column private_jwk_sealed drop not null;
alter table signing_key drop column retired_at;
alter table signing_key add constraint uq_signing_key_serial unique (algorithm, serial);
