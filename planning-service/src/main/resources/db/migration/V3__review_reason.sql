-- Why a plan is UNDER_REVIEW: MANUAL (submitted by hand, any writer's review ends it) or HIGH_RISK
-- (a high defection risk put it there: only a kam-manager's or admin's review ends it). Null
-- unless the plan is UNDER_REVIEW.
alter table plan add column review_reason text check (review_reason in ('MANUAL', 'HIGH_RISK'));
update plan set review_reason = 'MANUAL' where status = 'UNDER_REVIEW';
