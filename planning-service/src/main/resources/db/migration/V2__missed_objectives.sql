-- Objectives past their due date that did not reach the target become MISSED (announced once per
-- due date), and an action is announced overdue once per due date it misses.

-- The due date an objective was last announced MISSED for, and when; set by the sweep or the
-- tracker, so moving the due date and missing it again announces it again.
alter table plan_objective add column missed_at timestamptz;
alter table plan_objective add column missed_due_date date;
create index plan_objective_missed_candidates on plan_objective (due_date) where status = 'OPEN';

-- The due date the overdue event went out for (overdue_notified_at stays: when). Rows announced
-- before this migration were announced for their current due date.
alter table plan_action add column overdue_notified_due date;
update plan_action set overdue_notified_due = due_date where overdue_notified_at is not null;
drop index plan_action_overdue_candidates;
create index plan_action_overdue_candidates on plan_action (due_date)
    where overdue_notified_due is null or overdue_notified_due <> due_date;
