-- Freshness of the KPI inputs and the portfolio drill-down.
-- The account's name, kept from kam.account.events so a drill-down lists names without asking
-- account-service (null for accounts whose last event predates this column, until their next one).
alter table account add column name text;

-- The freshness published with the last snapshot, so a change of only these still publishes:
-- the latest month with a non-voided revenue line and the UTC date of the latest non-voided survey
-- response, both as of the snapshot's month.
alter table kpi_snapshot add column last_revenue_month date;
alter table kpi_snapshot add column last_survey_date date;

-- "Latest non-voided response of these accounts" as an index lookup per account (revenue lines
-- already have revenue_line_by_account).
create index survey_response_by_account on survey_response (account_id, responded_at)
    where not voided;
