-- Outbox rows Kafka rejects for good (too large, unserialisable) are retried a bounded number of
-- times, then quarantined with a reason instead of blocking the relay. They stay in place (their
-- position keeps the subject's order): later rows of the same subject wait behind them until an
-- admin retries them. Applied at start by ChassisSchema.

alter table outbox add column attempts int not null default 0;
alter table outbox add column last_error text;
alter table outbox add column next_attempt_at timestamptz;
alter table outbox add column quarantined_at timestamptz;

-- Tiny (quarantined rows only): the relay asks per subject whether an earlier row is quarantined.
create index outbox_quarantined on outbox (event_key, position)
    where quarantined_at is not null and sent_at is null;
