-- assessedAt: the day the assessment was last set or confirmed (how fresh it is). Accounts
-- assessed before this column existed get the day of the last history entry that changed a
-- criterion (create included), else the day they were created; unassessed accounts have none.
alter table account add column assessed_at date;

update account a
   set assessed_at = (coalesce(
           (select max(h.changed_at) from account_history h
             where h.account_id = a.id and h.field like 'assessment.%'),
           a.created_at) at time zone 'UTC')::date
 where coalesce(a.strategic_alignment, a.market_influence, a.fit, a.partnership) is not null;
