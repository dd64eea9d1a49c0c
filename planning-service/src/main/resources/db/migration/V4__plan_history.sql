-- The audit trail of a plan and its parts (objectives, actions, risks, opportunities, reviews),
-- written in the transaction of each change: who, when, which part, which field, from and to
-- (as text), and the reason of a status change.
create table plan_history (
    id          bigserial   primary key,
    plan_id     uuid        not null references plan (id) on delete cascade,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    part        text        not null check (part in ('PLAN', 'OBJECTIVE', 'ACTION', 'RISK', 'OPPORTUNITY', 'REVIEW')),
    part_id     uuid,
    operation   text        not null check (operation in ('CREATED', 'UPDATED', 'DELETED')),
    field       text,
    old_value   text,
    new_value   text,
    reason      text
);
create index plan_history_newest_first on plan_history (plan_id, id desc);
