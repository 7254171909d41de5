-- Readers' consents to third-party apps (PIPL Art. 23), as Spring Authorization Server's
-- JdbcOAuth2AuthorizationConsentService reads and writes them: one row per reader and app, the
-- scopes allowed as SCOPE_<name> authorities.
create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);
create index ix_oauth2_authorization_consent_principal on oauth2_authorization_consent (principal_name);
