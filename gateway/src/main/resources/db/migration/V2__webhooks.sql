-- Outbound webhooks: partners' subscriptions, the events the gateway saw, one delivery row per
-- (subscription, event). Signing secrets are stored AES-GCM encrypted (they must be usable to
-- sign, so a hash would not do); the key comes from configuration, never from this database.
create table webhook_subscription (
    id                   uuid primary key,
    owner_origin         text        not null,
    target_url           text        not null,
    event_types          text        not null,
    owner_id             text,
    account_id           uuid,
    description          text,
    status               text        not null,
    disabled_reason      text,
    disabled_at          timestamptz,
    failing_since        timestamptz,
    secret               text        not null,
    previous_secret      text,
    previous_secret_until timestamptz,
    version              bigint      not null,
    created_at           timestamptz not null,
    created_by           text        not null,
    updated_at           timestamptz not null
);
create index webhook_subscription_owner on webhook_subscription (owner_origin, created_at, id);

-- Every event the gateway consumed, kept for replays (retention: kam.gateway.webhooks.retention).
create table webhook_event (
    id          text primary key,
    position    bigserial   not null unique,
    type        text        not null,
    subject     text        not null,
    body        text        not null,
    received_at timestamptz not null
);
create index webhook_event_received on webhook_event (received_at);

-- The owner of each account as its latest account event said, so an owner filter applies to
-- score, KPI and plan events too.
create table webhook_account_owner (
    account_id text primary key,
    owner_id   text
);

create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         text        not null references webhook_event (id) on delete cascade,
    event_position   bigint      not null,
    subject          text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    first_failed_at  timestamptz,
    created_at       timestamptz not null,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_latency_ms  int,
    last_error       text,
    last_response    text,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
-- The head of each (subscription, subject) queue: the oldest delivery not yet delivered.
create index webhook_delivery_pending
    on webhook_delivery (subscription_id, subject, event_position) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, event_position desc, id);
create index webhook_delivery_event on webhook_delivery (event_id);
