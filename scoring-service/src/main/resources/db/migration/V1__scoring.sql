-- scoring-service: accounts as the scores see them (inputs from events only), their current
-- score and designation, the history of every change, computed-tier changes (month-end tiers for
-- the KEY hysteresis), versioned scoring models and resumable rescoring jobs.

create table account (
  id                   uuid primary key,
  name                 text,
  owner_id             text,
  deleted              boolean not null default false,
  strategic_alignment  integer,
  market_influence     integer,
  fit                  integer,
  partnership          integer,
  -- the latest KPI snapshot; has_snapshot marks an account as scorable
  has_snapshot         boolean not null default false,
  as_of_month          text,
  t12m_revenue         numeric,
  t12m_growth          numeric,
  last3m_growth        numeric,
  share_of_wallet      numeric,
  nps_t12m             numeric,
  csat_t12m            numeric,
  cross_sell_count     integer,
  -- the current score (null until the first snapshot)
  scored               boolean not null default false,
  score                numeric(5, 1),
  computed_tier        text,
  tier                 text,
  type                 text,
  risk                 text,
  risk_reasons         text,
  coverage             numeric,
  model_version        integer,
  breakdown            text,
  computed_at          timestamptz,
  -- the manual designation, if any
  designation_tier     text,
  designation_reason   text,
  designation_ends_on  date,
  designation_by       text,
  designation_at       timestamptz,
  row_version          bigint not null default 0
);
create index account_scored_score on account (coalesce(score, -1) desc, id) where scored and not deleted;
create index account_designation_end on account (designation_ends_on) where designation_ends_on is not null;

create table score_history (
  id                   bigserial primary key,
  account_id           uuid not null references account (id),
  at                   timestamptz not null,
  cause                text not null,
  score                numeric(5, 1),
  computed_tier        text not null,
  tier                 text not null,
  type                 text not null,
  risk                 text not null,
  risk_reasons         text not null,
  coverage             numeric not null,
  model_version        integer not null,
  breakdown            text not null,
  designation          text
);
create index score_history_account on score_history (account_id, id desc);

-- One row per change of an account's computed tier: the tier in force at any instant, e.g. at the
-- end of the previous month, whatever order the data of that month arrived in.
create table computed_tier_change (
  id                   bigserial primary key,
  account_id           uuid not null references account (id),
  at                   timestamptz not null,
  tier                 text not null
);
create index computed_tier_change_account on computed_tier_change (account_id, at desc, id desc);

create table scoring_model (
  id                   uuid primary key,
  version              integer not null unique,
  status               text not null,
  definition           text not null,
  created_at           timestamptz not null,
  created_by           text not null,
  activated_at         timestamptz,
  retired_at           timestamptz,
  row_version          bigint not null default 0
);
create unique index scoring_model_one_active on scoring_model (status) where status = 'ACTIVE';
create sequence scoring_model_version start with 2;

-- Rescoring after an activation, in batches of accounts by id; last_account_id is the persisted
-- progress a restarted worker resumes from.
create table rescoring_job (
  id                   bigserial primary key,
  model_id             uuid not null references scoring_model (id),
  status               text not null,
  accounts_total       integer not null,
  accounts_done        integer not null,
  accounts_changed     integer not null,
  last_account_id      uuid,
  started_at           timestamptz not null,
  finished_at          timestamptz
);
create index rescoring_job_running on rescoring_job (id) where status = 'RUNNING';

-- Version 1: the default model of DOMAIN.md, active from the first start.
insert into scoring_model (id, version, status, definition, created_at, created_by, activated_at)
values ('00000000-0000-0000-0000-000000000001', 1, 'ACTIVE',
 '{"criteria":['
 || '{"key":"revenue","input":"t12mRevenue","weight":0.30,"normalization":{"kind":"LOG","min":10000,"max":10000000}},'
 || '{"key":"growth","input":"t12mGrowth","weight":0.20,"normalization":{"kind":"LINEAR","min":-0.2,"max":0.5}},'
 || '{"key":"walletHeadroom","input":"walletHeadroom","weight":0.10,"normalization":{"kind":"LINEAR","min":0,"max":1}},'
 || '{"key":"strategicAlignment","input":"strategicAlignment","weight":0.15,"normalization":{"kind":"LINEAR","min":1,"max":5}},'
 || '{"key":"marketInfluence","input":"marketInfluence","weight":0.10,"normalization":{"kind":"LINEAR","min":1,"max":5}},'
 || '{"key":"fit","input":"fit","weight":0.05,"normalization":{"kind":"LINEAR","min":1,"max":5}},'
 || '{"key":"satisfaction","input":"npsT12m","weight":0.10,"normalization":{"kind":"LINEAR","min":-100,"max":100}}'
 || '],"thresholds":{"key":70,"keyExit":65,"developing":50}}',
 '2026-01-01T00:00:00Z', 'system', '2026-01-01T00:00:00Z');
