-- Tables of the chassis's own mechanics, in their own schema and history table so that they never
-- collide with a service's migrations. Applied at start by ChassisSchema.

create table outbox (
    position     bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    sequence     bigint      not null,
    payload      text        not null,
    traceparent  text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_unsent on outbox (position) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- Per producer (this service) and subject (the account): the last sequence number handed out.
create table event_sequence (
    subject        text   primary key,
    last_sequence  bigint not null
);

create table processed_event (
    consumer      text        not null,
    event_id      uuid        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_age on processed_event (processed_at);

create table consumer_position (
    consumer       text   not null,
    producer       text   not null,
    subject        text   not null,
    last_sequence  bigint not null,
    primary key (consumer, producer, subject)
);

create table parked_event (
    id         bigserial   primary key,
    consumer   text        not null,
    subject    text        not null,
    producer   text        not null,
    sequence   bigint      not null,
    topic      text        not null,
    payload    text        not null,
    parked_at  timestamptz not null default now()
);
create index parked_event_subject on parked_event (consumer, subject);

create table dead_letter (
    id           bigserial   primary key,
    consumer     text        not null,
    topic        text        not null,
    kafka_partition int      not null,
    kafka_offset bigint      not null,
    event_key    text,
    payload      text        not null,
    reason       text        not null,
    failed_at    timestamptz not null default now(),
    replayed_at  timestamptz
);

create table idempotency_key (
    scope         text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    state         text        not null,
    status        int,
    content_type  text,
    body          text,
    location      text,
    etag          text,
    created_at    timestamptz not null default now(),
    primary key (scope, idem_key)
);
create index idempotency_key_age on idempotency_key (created_at);
