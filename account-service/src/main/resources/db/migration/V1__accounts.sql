-- Accounts, their history, the partners' change feed and the customer's stakeholders.

create table account (
    id                      uuid        primary key,
    source                  text,
    external_id             text,
    name                    text        not null,
    -- lower-cased, accent-free name for "q" (normalized in Java, so no extension is needed)
    search_name             text        not null,
    industry                text,
    country                 text,
    region                  text,
    website                 text,
    employees               integer,
    lifecycle               text,
    owner_id                text,
    team                    jsonb       not null default '[]'::jsonb,
    relationship_stage      text,
    strategic_alignment     smallint,
    market_influence        smallint,
    fit                     smallint,
    partnership             smallint,
    potential_annual_spend  numeric(19, 4),
    -- deferred so that one multi-row statement may insert a parent and its children in any order
    parent_id               uuid        references account (id) deferrable initially deferred,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    deleted_at              timestamptz,
    version                 bigint      not null,
    constraint account_external_ref_pair check ((source is null) = (external_id is null)),
    constraint account_wallet_not_negative check (potential_annual_spend >= 0)
);
-- A deleted account frees its external reference: the CRM may create the key again (a new account).
create unique index account_external_ref on account (source, external_id) where deleted_at is null;
create index account_by_name on account (name, id) where deleted_at is null;
create index account_by_updated on account (updated_at, id) where deleted_at is null;
create index account_by_created on account (created_at, id) where deleted_at is null;
create index account_by_parent on account (parent_id) where deleted_at is null;
create index account_by_owner on account (owner_id) where deleted_at is null;

-- Audit trail: one row per changed field (who = caller origin, when, from, to as JSON).
create table account_history (
    id          bigserial   primary key,
    account_id  uuid        not null references account (id),
    changed_at  timestamptz not null,
    origin      text        not null,
    field       text        not null,
    old_value   jsonb,
    new_value   jsonb
);
create index account_history_newest_first on account_history (account_id, id desc);

-- The partners' change feed. Writers take a transaction-scoped advisory lock right before they
-- insert here, so ids are handed out in commit order and a reader never skips a change.
create table account_change (
    id           bigserial   primary key,
    account_id   uuid        not null,
    operation    text        not null,
    source       text,
    external_id  text,
    origin       text        not null,
    changed_at   timestamptz not null,
    version      bigint      not null,
    state        jsonb
);

create table contact (
    id                     uuid        primary key,
    account_id             uuid        not null references account (id),
    name                   text        not null,
    title                  text,
    email                  text,
    phone                  text,
    buying_role            text,
    influence              integer,
    relationship_strength  integer,
    reports_to_contact_id  uuid        references contact (id) on delete set null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null
);
create index contact_by_account on contact (account_id, name, id);
