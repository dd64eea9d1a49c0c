-- kpi-service: the accounts read model, raw revenue lines and survey responses, the monthly
-- aggregates every KPI is computed from, and the last published snapshot per account.

-- Read model of account-service (kam.account.events) plus the current tier/type from scoring.
create table account (
    id            uuid        primary key,
    source        text,
    external_id   text,
    parent_id     uuid,
    owner_id      text,
    industry      text,
    country       text,
    region        text,
    wallet        numeric(19,4),
    tier          text,
    account_type  text,
    deleted       boolean     not null default false,
    updated_at    timestamptz not null default now()
);
-- An account created again later is a new account: only live accounts own an external reference.
create unique index account_live_ref on account (source, external_id)
    where not deleted and source is not null and external_id is not null;
create index account_ref on account (source, external_id);
create index account_parent on account (parent_id) where not deleted;
create index account_owner on account (owner_id) where not deleted;

-- Raw lines as sent. account_id is the resolved account; null while the account is not known
-- (pending). ref_* keep the account reference exactly as the item named it.
create table revenue_line (
    id               bigserial     primary key,
    source           text          not null,
    external_id      text          not null,
    account_id       uuid,
    ref_account_id   uuid,
    ref_source       text,
    ref_external_id  text,
    line_date        date          not null,
    product_line     text          not null,
    amount           numeric(19,4) not null,
    voided           boolean       not null default false,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    constraint revenue_line_key unique (source, external_id)
);
create index revenue_line_pending_id on revenue_line (ref_account_id)
    where account_id is null and not voided;
create index revenue_line_pending_ref on revenue_line (ref_source, ref_external_id)
    where account_id is null and not voided;
create index revenue_line_by_account on revenue_line (account_id, line_date, id) where not voided;
create index revenue_line_by_ref_id on revenue_line (ref_account_id, line_date, id) where not voided;

create table survey_response (
    id               bigserial   primary key,
    source           text        not null,
    external_id      text        not null,
    account_id       uuid,
    ref_account_id   uuid,
    ref_source       text,
    ref_external_id  text,
    kind             text        not null check (kind in ('CSAT', 'NPS')),
    score            integer     not null,
    responded_at     timestamptz not null,
    voided           boolean     not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint survey_response_key unique (source, external_id)
);
create index survey_response_pending_id on survey_response (ref_account_id)
    where account_id is null and not voided;
create index survey_response_pending_ref on survey_response (ref_source, ref_external_id)
    where account_id is null and not voided;

-- Incremental aggregates, adjusted by deltas in the ingest transaction: net revenue per account,
-- month (first day) and product line; survey counts per account and month. Only lines of known
-- accounts are aggregated; resolving a pending line adds it here.
create table monthly_revenue (
    account_id    uuid          not null,
    month         date          not null,
    product_line  text          not null,
    amount        numeric(28,4) not null,
    primary key (account_id, month, product_line)
);
create index monthly_revenue_month on monthly_revenue (month, account_id);

create table monthly_survey (
    account_id      uuid    not null,
    month           date    not null,
    csat_total      integer not null default 0,
    csat_good       integer not null default 0,
    nps_total       integer not null default 0,
    nps_promoters   integer not null default 0,
    nps_detractors  integer not null default 0,
    primary key (account_id, month)
);
create index monthly_survey_month on monthly_survey (month, account_id);

-- The last published snapshot per account (published only when its values differ) and the
-- as-of month it was last recomputed for (the month-turn job's progress).
create table kpi_snapshot (
    account_id        uuid        primary key,
    as_of_month       date        not null,
    computed_month    date        not null,
    t12m_revenue      numeric     not null,
    t12m_growth       numeric,
    last3m_growth     numeric,
    share_of_wallet   numeric,
    nps_t12m          numeric,
    csat_t12m         numeric,
    cross_sell_count  integer     not null,
    published_at      timestamptz not null
);
create index kpi_snapshot_computed on kpi_snapshot (computed_month);
