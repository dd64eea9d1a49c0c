-- Idempotency-Key claims carry a lease and an owner: a claim left RUNNING by a process that died
-- is taken over by a retry once its lease has run out, and only the claim's current owner may
-- complete it (the completion commits in the transaction of the effect, see Idempotency).
alter table idempotency_key add column owner_token  uuid;
alter table idempotency_key add column locked_until timestamptz;

-- Consistency tokens: the outbox rows a request wrote, found by the request's trace id.
create index outbox_trace on outbox (substr(traceparent, 4, 32));
