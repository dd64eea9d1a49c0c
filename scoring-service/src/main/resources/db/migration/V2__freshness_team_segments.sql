-- Inputs' freshness (kam.kpi.snapshot.v1 lastRevenueMonth / lastSurveyDate, kam.account.*.v1
-- assessedAt), the segment filters of the portfolio summary and the account team ("my accounts":
-- owned or on the team of), all from events.

alter table account add column industry text;
alter table account add column country text;
alter table account add column region text;
alter table account add column assessed_at date;
alter table account add column last_revenue_month text;
alter table account add column last_survey_date date;

create table account_team_member (
  account_id           uuid not null references account (id),
  user_id              text not null,
  role                 text not null,
  primary key (account_id, user_id)
);
create index account_team_member_user on account_team_member (user_id, account_id);
create index account_owner on account (owner_id, id) where scored and not deleted;

-- The state at the previous month end (portfolio movements): the last entry before an instant.
create index score_history_account_at on score_history (account_id, at desc, id desc);
