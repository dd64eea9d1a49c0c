-- API keys of integration partners: only a hash of the secret is stored.
create table api_key (
    id          uuid primary key,
    name        text        not null unique,
    prefix      text        not null unique,
    secret_hash text        not null,
    roles       text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz
);
