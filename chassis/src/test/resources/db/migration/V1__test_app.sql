create table widget (
    id       uuid primary key,
    name     text   not null,
    rating   int,
    color    text,
    version  bigint not null
);
create table known_subject (subject text primary key);
create table applied_event (
    id        bigserial primary key,
    event_id  text not null,
    subject   text not null,
    sequence  bigint not null,
    type      text not null
);
