-- planning-service: account plans and their parts, plus the read models it keeps from other
-- services' events (accounts, latest KPI snapshot and score per account).

create table account (
    id        uuid primary key,
    name      text,
    owner_id  text,
    deleted   boolean not null default false
);

create table account_team_member (
    account_id  uuid not null references account (id) on delete cascade,
    user_id     text not null,
    primary key (account_id, user_id)
);

-- Latest known values per account, so a new objective gets its actual at once. Kept even for
-- accounts not known yet (values only, no reaction depends on them).
create table account_metrics (
    account_id        uuid primary key,
    as_of_month       text,
    t12m_revenue      numeric,
    t12m_growth       numeric,
    share_of_wallet   numeric,
    nps_t12m          numeric,
    csat_t12m         numeric,
    cross_sell_count  integer,
    score             numeric
);

create table plan (
    id                 uuid primary key,
    account_id         uuid        not null,
    title              text        not null,
    period_start       date        not null,
    period_end         date        not null,
    owner_id           text,
    review_every_days  integer     not null default 90 check (review_every_days > 0),
    next_review_at     timestamptz,
    status             text        not null check (status in ('DRAFT', 'ACTIVE', 'UNDER_REVIEW', 'COMPLETED', 'ARCHIVED')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null,
    check (period_end >= period_start)
);
-- DOMAIN.md: per account at most one DRAFT and at most one live plan; the database decides races.
create unique index plan_one_draft_per_account on plan (account_id) where status = 'DRAFT';
create unique index plan_one_live_per_account on plan (account_id) where status in ('ACTIVE', 'UNDER_REVIEW');
create index plan_listing on plan (created_at, id);
create index plan_by_account on plan (account_id);

create table plan_objective (
    id          uuid primary key,
    plan_id     uuid        not null references plan (id) on delete cascade,
    title       text        not null,
    metric      text,
    baseline    numeric,
    target      numeric,
    due_date    date,
    status      text        not null,
    actual      numeric,
    progress    numeric,
    achieved_at timestamptz,
    created_at  timestamptz not null,
    version     bigint      not null
);
create index plan_objective_by_plan on plan_objective (plan_id);

create table plan_action (
    id                   uuid primary key,
    plan_id              uuid        not null references plan (id) on delete cascade,
    title                text        not null,
    owner_id             text        not null,
    due_date             date        not null,
    status               text        not null,
    objective_id         uuid        references plan_objective (id) on delete set null,
    -- set once by the overdue check (never by the ORM), so the event goes out once per action
    overdue_notified_at  timestamptz,
    created_at           timestamptz not null,
    version              bigint      not null
);
create index plan_action_by_plan on plan_action (plan_id);
create index plan_action_work_list on plan_action (owner_id, due_date, id);
create index plan_action_overdue_candidates on plan_action (due_date) where overdue_notified_at is null;

create table plan_risk (
    id           uuid primary key,
    plan_id      uuid        not null references plan (id) on delete cascade,
    description  text        not null,
    likelihood   integer     not null check (likelihood between 1 and 5),
    impact       integer     not null check (impact between 1 and 5),
    severity     integer     not null,
    mitigation   text,
    created_at   timestamptz not null,
    version      bigint      not null
);
create index plan_risk_by_plan on plan_risk (plan_id);

create table plan_opportunity (
    id               uuid primary key,
    plan_id          uuid          not null references plan (id) on delete cascade,
    product_line     text          not null,
    kind             text          not null,
    estimated_value  numeric(19, 4) not null check (estimated_value >= 0),
    probability      numeric       not null check (probability >= 0 and probability <= 1),
    expected_close   date,
    created_at       timestamptz   not null,
    version          bigint        not null
);
create index plan_opportunity_by_plan on plan_opportunity (plan_id);

create table plan_review (
    id           uuid primary key,
    plan_id      uuid        not null references plan (id) on delete cascade,
    summary      text        not null,
    decisions    jsonb       not null,
    reviewed_at  timestamptz not null,
    reviewed_by  text        not null
);
create index plan_review_by_plan on plan_review (plan_id, reviewed_at);
