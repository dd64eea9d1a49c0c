-- Contacts synced from a partner's CRM carry its key (source + externalId), unique while the
-- contact exists (contacts are deleted for good, so the key is free again afterwards).
alter table contact
    add column source      text,
    add column external_id text,
    add constraint contact_external_ref_pair check ((source is null) = (external_id is null));
create unique index contact_external_ref on contact (source, external_id);

-- The partners' feed of contact changes, in commit order like account_change: writers take the
-- same advisory lock right before they insert here and hold it until commit.
create table contact_change (
    id                   bigserial   primary key,
    contact_id           uuid        not null,
    account_id           uuid        not null,
    operation            text        not null,
    source               text,
    external_id          text,
    account_source       text,
    account_external_id  text,
    origin               text        not null,
    changed_at           timestamptz not null,
    version              bigint      not null,
    state                jsonb
);
-- The feed filtered by source, and the reads of the feed's end.
create index contact_change_by_source on contact_change (source, id);
