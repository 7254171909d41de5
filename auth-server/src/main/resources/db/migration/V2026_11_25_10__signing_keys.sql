-- Token signing keys. The private JWK is sealed with AES-256-GCM (readerpass.keys.encryption-key);
-- the public JWK is kept in clear for the JWKS. Keys are never deleted while tokens they signed
-- may still be in use: rotation sets retired_at.
create table signing_key (
    kid                varchar(64)              not null primary key,
    algorithm          varchar(16)              not null,
    public_jwk         varchar(4000)            not null,
    private_jwk_sealed varchar(8000)            not null,
    created_at         timestamp with time zone not null,
    retired_at         timestamp with time zone
);
